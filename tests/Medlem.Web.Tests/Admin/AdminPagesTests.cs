using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Medlem.Core.Consortium;
using Medlem.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Web.Tests.Admin;

/// <summary>An administrator configures their own library — details, branches, membership types — and nothing of another library.</summary>
public sealed class AdminPagesTests() : ConsortiumTest(StaffRoles.Administrator)
{
    [Fact]
    public async Task Admin_AddsABranch_AndItAppearsInTheRegisterForm()
    {
        var response = await StaffClient.PostFormAsync(Staff, "/Admin/Branches", new() { ["Code"] = "madla", ["Name"] = "Madla bydelsbibliotek" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Madla bydelsbibliotek", await Staff.GetStringAsync("/Admin/Branches"), StringComparison.Ordinal);

        var duplicate = await StaffClient.PostFormAsync(Staff, "/Admin/Branches", new() { ["Code"] = "MADLA", ["Name"] = "Igjen" });
        Assert.Equal(HttpStatusCode.OK, duplicate.StatusCode);
        Assert.Contains("Koden er allerede i bruk.", await duplicate.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_ChangesAMembershipType_AndCanStopOfferingIt()
    {
        var typeId = await App.WithDbAsync(db => db.MembershipTypes.Where(t => t.LibraryId == Data.Stavanger.Id && t.Code == "STUDENT").Select(t => t.Id).SingleAsync());
        var response = await StaffClient.PostFormAsync(Staff, $"/Admin/MembershipTypes?edit={typeId}", new()
        {
            ["Edit"] = typeId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Form.Code"] = "student",
            ["Form.NameNb"] = "Student (høyere utdanning)",
            ["Form.NameEn"] = "Student (higher education)",
            ["Form.MinAge"] = "18",
            ["Form.MaxAge"] = "",
            ["Form.RequiredVerification"] = "IdentityCheckedAtDesk",
            ["Benefits"] = "PhysicalLoans",
            ["Form.Active"] = "false",
            ["Form.ForInstitutions"] = "false",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var type = await App.WithDbAsync(db => db.MembershipTypes.SingleAsync(t => t.Id == typeId));
        Assert.Equal("STUDENT", type.Code);
        Assert.Equal("Student (høyere utdanning)", type.NameNb);
        Assert.Equal(18, type.MinAge);
        Assert.False(type.Active);
        Assert.Equal(Core.Members.MembershipBenefits.PhysicalLoans, type.Benefits);
    }

    [Fact]
    public async Task Admin_CannotEditAnotherLibrarysType()
    {
        var bergenType = await App.WithDbAsync(db => db.MembershipTypes.Where(t => t.LibraryId == Data.Bergen.Id).Select(t => t.Id).FirstAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await Staff.GetAsync($"/Admin/MembershipTypes?edit={bergenType}")).StatusCode);
        var api = await Staff.PutAsJsonAsync($"/api/v1/membership-types/{bergenType}", new { code = "X", nameNb = "X", nameEn = "X", requiredVerification = "None" });
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
    }

    [Fact]
    public async Task Admin_CreatesASchoolLibrary_WithDefaultTypes_AndAnInvalidOrganisationNumberIsRefused()
    {
        var fields = new Dictionary<string, string>
        {
            ["NewCode"] = "hundvag-skole",
            ["NewSchool.Name"] = "Hundvåg skole – skolebiblioteket",
            ["NewSchool.OrganisationNumber"] = "974760673",
            ["NewSchool.Municipality"] = "Stavanger",
            ["NewSchool.DataProtectionOfficerName"] = "Personvern Ombud",
            ["NewSchool.DataProtectionOfficerEmail"] = "personvern@example.org",
            ["NewSchool.SmallCountThreshold"] = "5",
        };
        var bad = await StaffClient.PostFormAsync(Staff, "/Admin/Libraries?handler=CreateSchool", new(fields) { ["NewSchool.OrganisationNumber"] = "974760674" }, formPage: "/Admin/Libraries");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("Ikke et gyldig organisasjonsnummer", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // 974760673 (Brønnøysundregistrene): 9·3+7·2+4·7+7·6+6·5+0·4+6·3+7·2 = 173; 173 mod 11 = 8; 11 − 8 = 3.
        var good = await StaffClient.PostFormAsync(Staff, "/Admin/Libraries?handler=CreateSchool", fields, formPage: "/Admin/Libraries");
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var school = await App.WithDbAsync(db => db.Libraries.SingleAsync(l => l.Code == "hundvag-skole"));
        Assert.Equal(LibraryKind.School, school.Kind);
        Assert.Equal(Data.Stavanger.Id, school.ParentLibraryId);
        Assert.Equal(7, await App.WithDbAsync(db => db.MembershipTypes.CountAsync(t => t.LibraryId == school.Id)));
    }

    [Fact]
    public async Task MembershipTypesApi_ListsOwnTypes_AndValidates()
    {
        var types = await Staff.GetFromJsonAsync<JsonElement>("/api/v1/membership-types");
        Assert.Equal(7, types.GetArrayLength());
        var bad = await Staff.PostAsJsonAsync("/api/v1/membership-types", new { code = "SENIOR", nameNb = "Senior", nameEn = "Senior", minAge = 67, maxAge = 30, requiredVerification = "IdentityCheckedAtDesk" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("maxAge", out _));
        var good = await Staff.PostAsJsonAsync("/api/v1/membership-types", new { code = "SENIOR", nameNb = "Senior", nameEn = "Senior", minAge = 67, requiredVerification = "IdentityCheckedAtDesk", benefits = "PhysicalLoans, EventBooking" });
        Assert.Equal(HttpStatusCode.Created, good.StatusCode);
    }
}
