using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Medlem.Core.Consortium;
using Medlem.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Web.Tests.Members;

/// <summary>POST /api/v1/members: bad input gets RFC 9457 problem details naming the field, and nothing is stored half-way.</summary>
public sealed class RegisterMemberApiTests() : ConsortiumTest(StaffRoles.Desk)
{
    // 011299 100 42: born 1 December 1999 (individual number 100 → 1900–1999, Skatteetaten).
    // k1: 0·3+1·7+1·6+2·1+9·8+9·9+1·4+0·5+0·2 = 172; 172 mod 11 = 7; 11 − 7 = 4.
    // k2: 0·5+1·4+1·3+2·2+9·7+9·6+1·5+0·4+0·3+4·2 = 141; 141 mod 11 = 9; 11 − 9 = 2.
    private const string ValidBirthNumber = "01129910042";

    private static object Adult(string given = "Åse", string family = "Ødegård", string? nin = null, string type = "VOKSEN", string? card = null, object? guardians = null, string birth = "1999-12-01") => new
    {
        givenName = given, familyName = family, birthDate = birth, nationalIdentityNumber = nin,
        address = new { street = "Kongsgårdbakken 3", postalCode = "4005", city = "Stavanger", country = "NO" },
        email = "Aase.Odegard@Example.org", mobile = "901 23 456", preferredLanguage = "Nn",
        membershipTypeCode = type, verification = "IdentityCheckedAtDesk", guardianIds = guardians, cardNumber = card,
    };

    [Fact]
    public async Task Register_ValidMember_StoresPersonMembershipAndCard_AndReturnsMaskedNumber()
    {
        var response = await Staff.PostAsJsonAsync("/api/v1/members", Adult(nin: ValidBirthNumber));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Åse", body.GetProperty("givenName").GetString());
        Assert.Equal("Ødegård", body.GetProperty("familyName").GetString());
        Assert.Equal("011299*****", body.GetProperty("nationalIdentityNumberMasked").GetString());
        Assert.Equal("aase.odegard@example.org", body.GetProperty("email").GetProperty("value").GetString());
        Assert.Equal("+4790123456", body.GetProperty("mobile").GetProperty("value").GetString());
        var membership = body.GetProperty("memberships")[0];
        Assert.Equal("New", membership.GetProperty("status").GetString());
        Assert.Equal("Active", membership.GetProperty("cards")[0].GetProperty("status").GetString());
        Assert.Equal($"/api/v1/members/{body.GetProperty("id").GetString()}", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Register_NationalIdentityNumber_IsEncryptedAtRest()
    {
        var response = await Staff.PostAsJsonAsync("/api/v1/members", Adult(nin: ValidBirthNumber));
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var raw = await App.WithDbAsync(db => db.Database
            .SqlQuery<string>($"SELECT NationalIdentityNumber AS Value FROM People WHERE Id = {id}").SingleAsync());
        Assert.DoesNotContain(ValidBirthNumber, raw, StringComparison.Ordinal);
        var decrypted = await App.WithDbAsync(db => db.People.Where(p => p.Id == id).Select(p => p.NationalIdentityNumber).SingleAsync());
        Assert.Equal(ValidBirthNumber, decrypted);
    }

    public static TheoryData<string, object, string> BadInput => new()
    {
        { "wrong check digits", Adult(nin: "01129910043"), "nationalIdentityNumber" },
        { "birth date in the future", Adult(birth: "2030-01-01"), "birthDate" },
        { "number disagrees with birth date", Adult(nin: ValidBirthNumber, birth: "1990-01-01"), "birthDate" },
        { "control character in name", Adult(given: "Åse\u0007"), "givenName" },
        { "zero-width space in name", Adult(family: "Øde\u200Bgård"), "familyName" },
        { "over-long name", Adult(given: new string('a', 101)), "givenName" },
        { "digits in name", Adult(given: "R2D2"), "givenName" },
        { "unknown membership type", Adult(type: "GULL"), "membershipTypeCode" },
        { "child type for an adult", Adult(type: "BARN"), "membershipTypeCode" },
        { "child without a guardian", Adult(type: "BARN", birth: "2018-05-05"), "guardianIds" },
        { "unknown guardian", Adult(type: "BARN", birth: "2018-05-05", guardians: new[] { Guid.NewGuid() }), "guardianIds" },
        { "card number of another member", Adult(card: "STAV0001"), "cardNumber" },
        { "malformed card number", Adult(card: "12-34"), "cardNumber" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Register_BadInput_GivesProblemDetailsForTheField_AndStoresNothing(string why, object body, string field)
    {
        var before = await CountsAsync();
        var response = await Staff.PostAsJsonAsync("/api/v1/members", body);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{why}: {response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), $"{why}: no error for {field} in {problem}");
        Assert.False(string.IsNullOrWhiteSpace(messages[0].GetString()));
        Assert.Equal(before, await CountsAsync());
    }

    [Theory]
    [InlineData("{ \"givenName\": ")]
    [InlineData("{ \"givenName\": \"Åse\", \"familyName\": \"Ødegård\", \"birthDate\": \"2001-02-30\", \"membershipTypeCode\": \"VOKSEN\" }")]
    public async Task Register_MalformedJsonOrImpossibleDate_IsAProblemNotACrash_AndStoresNothing(string json)
    {
        var before = await CountsAsync();
        var response = await Staff.PostAsync("/api/v1/members", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Register_ChildWithGuardian_WaitsForApprovalUntilTheGuardianApproves()
    {
        var child = new
        {
            givenName = "Lille", familyName = "Nordmann", birthDate = "2018-05-05", membershipTypeCode = "BARN",
            verification = "IdentityCheckedAtDesk", guardianIds = new[] { Data.StavangerMember.Id }, guardianApprovedAtDesk = false,
        };
        var created = await (await Staff.PostAsJsonAsync("/api/v1/members", child)).Content.ReadFromJsonAsync<JsonElement>();
        var membership = created.GetProperty("memberships")[0];
        Assert.Equal("Pending", membership.GetProperty("status").GetString());
        Assert.True(membership.GetProperty("awaitsGuardianApproval").GetBoolean());

        var approval = await Staff.PostAsJsonAsync(
            $"/api/v1/memberships/{membership.GetProperty("id").GetString()}/guardian-approval", new { guardianId = Data.StavangerMember.Id });
        Assert.Equal(HttpStatusCode.OK, approval.StatusCode);
        Assert.Equal("New", (await approval.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());

        var guardian = await Staff.GetFromJsonAsync<JsonElement>($"/api/v1/members/{Data.StavangerMember.Id}");
        Assert.Equal("Lille Nordmann", guardian.GetProperty("children")[0].GetProperty("fullName").GetString());
    }

    [Fact]
    public async Task Register_NamesInOtherScripts_RoundTripAndAreFoundBySearch()
    {
        foreach (var (given, family) in new[] { ("Nguyễn", "Thị Minh"), ("Мария", "Иванова"), ("محمد", "علي") })
        {
            var response = await Staff.PostAsJsonAsync("/api/v1/members", Adult(given: given, family: family));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            var hits = await Staff.GetFromJsonAsync<JsonElement>($"/api/v1/members?q={Uri.EscapeDataString(family.ToLowerInvariant())}");
            Assert.Equal($"{given} {family}", hits[0].GetProperty("fullName").GetString());
        }
    }

    [Fact]
    public async Task IssueCard_ReplacingALostCard_MarksTheOldOneLost()
    {
        var response = await Staff.PostAsJsonAsync($"/api/v1/memberships/{Data.StavangerMembership.Id}/cards", new { replaceActive = true });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var member = await Staff.GetFromJsonAsync<JsonElement>($"/api/v1/members/{Data.StavangerMember.Id}");
        var statuses = member.GetProperty("memberships")[0].GetProperty("cards").EnumerateArray()
            .ToDictionary(c => c.GetProperty("number").GetString()!, c => c.GetProperty("status").GetString());
        Assert.Equal("Lost", statuses["STAV0001"]);
        Assert.Equal(2, statuses.Count);
        Assert.Single(statuses, s => s.Value == "Active");
    }

    private Task<(int People, int Memberships, int Cards)> CountsAsync() =>
        App.WithDbAsync(async db => (await db.People.CountAsync(), await db.Memberships.CountAsync(), await db.Cards.CountAsync()));
}
