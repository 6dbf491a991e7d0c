using System.Net;
using Medlem.Core.Members;
using Medlem.Core.Members.Accounts;
using Medlem.Web.Tests.Member.ElectronicId;
using Medlem.Web.Tests.TestSupport;
using Medlem.Web.Features.Member.Guardian;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Medlem.Web.Tests.Member.Guardian;

/// <summary>
/// The guardian-approval link over HTTP: one child, one use, seven days. An expired, used or
/// unknown link, or a link posted for another child, shows why and changes nothing; the
/// guardian's own statements are checked; approval with electronic ID identifies the guardian by
/// their number.
/// </summary>
public sealed class GuardianApprovalTests : IAsyncLifetime
{
    private readonly MedlemApplication _app = new();
    private TestConsortium _data = null!;

    public async ValueTask InitializeAsync() => _data = await TestConsortium.SeedAsync(_app);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task ApprovalByEmail_MakesTheGuardian_ApprovesTheMembership_AndUsesTheLinkUp()
    {
        var (childId, membershipId) = await GuardianTestData.AddChildAsync(_app, _data.Stavanger, "Emma");
        var token = await GuardianTestData.LinkAsync(_app, membershipId);
        var client = _app.CreateClient(new() { AllowAutoRedirect = false });

        var answer = await PostEmailAsync(client, token, membershipId);

        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.Equal($"/foresatt/godkjent?m={membershipId}", answer.Headers.Location!.OriginalString);
        var membership = await _app.WithDbAsync(db => db.Memberships.SingleAsync(m => m.Id == membershipId));
        Assert.Equal(MedlemApplication.Now, membership.GuardianApprovedAt);
        var guardianId = membership.ApprovedByGuardianId!.Value;
        Assert.True(await _app.WithDbAsync(db => db.Guardianships.AnyAsync(g => g.ChildId == childId && g.GuardianId == guardianId)));
        Assert.NotNull(await _app.WithDbAsync(db => db.MemberLinks.Select(l => l.UsedAt).SingleAsync()));
        Assert.Contains("Emma Barnesen", await client.GetStringAsync("/foresatt"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnExpiredLink_SaysSo_AndChangesNothing()
    {
        var (_, membershipId) = await GuardianTestData.AddChildAsync(_app, _data.Stavanger, "Emma");
        var token = await GuardianTestData.LinkAsync(_app, membershipId);
        _app.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        var before = await SnapshotAsync();
        var client = _app.CreateClient(new() { AllowAutoRedirect = false });

        Assert.Contains("Lenken er for gammel", await client.GetStringAsync("/foresatt/godkjenn?t=" + token), StringComparison.Ordinal);
        var answer = await PostEmailAsync(client, token, membershipId);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Contains("Lenken er for gammel", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task AUsedLink_SaysSo_AndChangesNothing()
    {
        var (_, membershipId) = await GuardianTestData.AddChildAsync(_app, _data.Stavanger, "Emma");
        var token = await GuardianTestData.LinkAsync(_app, membershipId);
        Assert.Equal(HttpStatusCode.Redirect, (await PostEmailAsync(_app.CreateClient(new() { AllowAutoRedirect = false }), token, membershipId)).StatusCode);
        var before = await SnapshotAsync();
        var second = _app.CreateClient(new() { AllowAutoRedirect = false });

        var page = await second.GetStringAsync("/foresatt/godkjenn?t=" + token);
        var answer = await PostEmailAsync(second, token, membershipId, given: "Noen", family: "Andre");

        Assert.Contains("Lenken er allerede brukt", page, StringComparison.Ordinal);
        Assert.Contains("Lenken er allerede brukt", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(ElectronicIdFlow.SignsIn(answer));
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task ALinkPostedForAnotherChild_SaysSo_AndChangesNeitherChild()
    {
        var (_, emma) = await GuardianTestData.AddChildAsync(_app, _data.Stavanger, "Emma");
        var (_, noah) = await GuardianTestData.AddChildAsync(_app, _data.Bergen, "Noah");
        var emmasToken = await GuardianTestData.LinkAsync(_app, emma);
        await GuardianTestData.LinkAsync(_app, noah, "noahs.forelder@example.org");
        var before = await SnapshotAsync();
        var client = _app.CreateClient(new() { AllowAutoRedirect = false });

        // Emma's link with Noah's membership on the form.
        var answer = await PostEmailAsync(client, emmasToken, noah, formToken: emmasToken);

        Assert.Contains("Lenken gjelder et annet barn", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task AnUnknownOrMalformedLink_SaysSo()
    {
        var client = _app.CreateClient();
        foreach (var url in new[] { "/foresatt/godkjenn", "/foresatt/godkjenn?t=abc", "/foresatt/godkjenn?t=" + new string('A', 43) })
        {
            Assert.Contains("Lenken virker ikke", await client.GetStringAsync(url), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("1980", false, "Du må bekrefte at du har foreldreansvar for barnet.")]
    [InlineData("2010", true, "En foresatt må være minst 18 år.")]
    [InlineData("", true, "Må fylles ut.")]
    public async Task TheGuardiansStatements_AreChecked_BeforeAnythingChanges(string birthYear, bool responsibility, string message)
    {
        var (_, membershipId) = await GuardianTestData.AddChildAsync(_app, _data.Stavanger, "Emma");
        var token = await GuardianTestData.LinkAsync(_app, membershipId);
        var before = await SnapshotAsync();
        var client = _app.CreateClient(new() { AllowAutoRedirect = false });

        var answer = await PostEmailAsync(client, token, membershipId, birthYear: birthYear, responsibility: responsibility);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Contains(message, await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync());
        Assert.Null(await _app.WithDbAsync(db => db.MemberLinks.Select(l => l.UsedAt).SingleAsync()));
    }

    [Fact]
    public async Task TheGuardianWhoChoseAPassword_SignsInLaterWithEmailAndPassword_AndSeesTheChild()
    {
        var (_, membershipId) = await GuardianTestData.AddChildAsync(_app, _data.Stavanger, "Emma");
        var token = await GuardianTestData.LinkAsync(_app, membershipId);
        await PostEmailAsync(_app.CreateClient(new() { AllowAutoRedirect = false }), token, membershipId, password: "Per-passord-2026");

        var later = await GuardianTestData.LoginAsync(_app, GuardianTestData.ParentEmail, "Per-passord-2026");

        Assert.Contains("Emma Barnesen", await later.GetStringAsync("/foresatt"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASecondChildByTheSameGuardian_FindsTheGuardianAlreadyInTheRegister()
    {
        var (_, emma) = await GuardianTestData.AddChildAsync(_app, _data.Stavanger, "Emma");
        var (_, jonas) = await GuardianTestData.AddChildAsync(_app, _data.Bergen, "Jonas");
        await PostEmailAsync(_app.CreateClient(new() { AllowAutoRedirect = false }), await GuardianTestData.LinkAsync(_app, emma), emma);
        await PostEmailAsync(_app.CreateClient(new() { AllowAutoRedirect = false }), await GuardianTestData.LinkAsync(_app, jonas), jonas, given: "per", family: "HANSEN");

        var approvers = await _app.WithDbAsync(db => db.Memberships.Where(m => m.Id == emma || m.Id == jonas).Select(m => m.ApprovedByGuardianId).Distinct().ToListAsync());
        Assert.Single(approvers);
    }

    [Fact]
    public async Task ApprovalWithElectronicId_IdentifiesTheGuardianByTheirNumber()
    {
        var guardianPid = TestPids.For(new DateOnly(1978, 9, 9));
        await using var provider = await OidcProvider.StartAsync([new TestAccount("per-sub", guardianPid, "Per Hansen")]);
        await using var app = new MedlemApplication();
        provider.Configure(app);
        var data = await TestConsortium.SeedAsync(app);
        var (childId, membershipId) = await GuardianTestData.AddChildAsync(app, data.Stavanger, "Emma");
        var token = await GuardianTestData.LinkAsync(app, membershipId);
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var answer = await ElectronicIdFlow.RunAsync(client, "/foresatt/godkjenn?handler=ElectronicId", "/foresatt/godkjenn?t=" + token, "per-sub", new()
        {
            ["t"] = token, ["MembershipId"] = membershipId.ToString(), ["EidGivenName"] = "Per", ["EidFamilyName"] = "Hansen", ["EidHasParentalResponsibility"] = "true",
        });

        Assert.Equal($"/foresatt/godkjent?m={membershipId}", answer.Headers.Location!.OriginalString);
        Assert.True(ElectronicIdFlow.SignsIn(answer));
        var guardian = await app.WithDbAsync(db => db.People.SingleAsync(p => p.GivenName == "Per"));
        Assert.Equal((guardianPid, new DateOnly(1978, 9, 9), false), (guardian.NationalIdentityNumber, guardian.BirthDate, guardian.BirthYearOnly));
        var membership = await app.WithDbAsync(db => db.Memberships.SingleAsync(m => m.Id == membershipId));
        Assert.Equal(guardian.Id, membership.ApprovedByGuardianId);
        Assert.True(await app.WithDbAsync(db => db.Guardianships.AnyAsync(g => g.ChildId == childId && g.GuardianId == guardian.Id)));
        Assert.DoesNotContain(app.Logs.Lines, line => line.Contains(guardianPid, StringComparison.Ordinal) || line.Contains("per-sub", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheApprovalMail_IsRefused_ForAMembershipThatNeedsNoGuardian()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var request = scope.ServiceProvider.GetRequiredService<RequestGuardianApproval>();

        var adult = await request.RequestAsync(_data.StavangerMembership.Id, GuardianTestData.ParentEmail, CancellationToken.None);
        var badAddress = await request.RequestAsync(_data.StavangerMembership.Id, "not an address", CancellationToken.None);

        Assert.Contains("guardian.approval-not-needed", adult.Errors.ToString(), StringComparison.Ordinal);
        Assert.Contains("email.invalid", badAddress.Errors.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, await _app.WithDbAsync(db => db.MemberLinks.CountAsync()));
    }

    private static Task<HttpResponseMessage> PostEmailAsync(
        HttpClient client, string token, Guid membershipId, string given = "Per", string family = "Hansen", string birthYear = "1980",
        bool responsibility = true, string password = "", string? formToken = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["t"] = token, ["MembershipId"] = membershipId.ToString(), ["GivenName"] = given, ["FamilyName"] = family, ["BirthYear"] = birthYear, ["Password"] = password,
        };
        if (responsibility)
        {
            fields["HasParentalResponsibility"] = "true";
        }

        return StaffClient.PostFormAsync(client, "/foresatt/godkjenn?handler=Email", fields, "/foresatt/godkjenn?t=" + (formToken ?? token));
    }

    /// <summary>What an approval could change: people, guardianships, approvals, links.</summary>
    private Task<string> SnapshotAsync() =>
        _app.WithDbAsync(async db =>
        {
            var people = await db.People.AsNoTracking().CountAsync();
            var guardianships = await db.Guardianships.AsNoTracking().CountAsync();
            var approvals = await db.Memberships.AsNoTracking().OrderBy(m => m.Id).Select(m => new { m.Id, m.GuardianApprovedAt, m.ApprovedByGuardianId }).ToListAsync();
            var links = await db.MemberLinks.AsNoTracking().Where(l => l.Purpose == MemberLinkPurpose.GuardianApproval).OrderBy(l => l.Id).Select(l => l.UsedAt).ToListAsync();
            return $"{people}#{guardianships}#{string.Join("|", approvals)}#{string.Join("|", links)}";
        });
}
