using System.Net;
using Medlem.Core.Consortium;
using Medlem.Core.Privacy.Audit;
using Medlem.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Web.Tests.Member.Join;

/// <summary>"Set PIN" on the desk's member page: desk and customer care only, their own library's members only, audited, never showing a PIN.</summary>
public sealed class DeskSetPinTests() : ConsortiumTest(StaffRoles.Desk)
{
    [Fact]
    public async Task Desk_SetsANewPin_TheMemberSignsInWithIt_AndTheChangeIsAudited()
    {
        var details = $"/Members/Details/{Data.StavangerMember.Id}";
        Assert.Contains("PIN-kode (satt)", await Staff.GetStringAsync(details), StringComparison.Ordinal);

        var response = await StaffClient.PostFormAsync(Staff, details + "?handler=SetPin", new() { ["pin"] = "864200" }, details);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("PIN-koden er satt.", await Staff.GetStringAsync(details), StringComparison.Ordinal);
        var member = App.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Redirect, (await MemberClient.PostCardLoginAsync(member, "stavanger", "STAV0001", "864200")).StatusCode);
        var audited = await App.WithDbAsync(db => db.AuditEntries.Where(e => e.PersonId == Data.StavangerMember.Id && e.Action == AuditAction.Update).Select(e => e.Purpose).ToListAsync());
        Assert.Contains(AuditPurposes.DeskDetailsChange, audited);
    }

    [Fact]
    public async Task ABadPin_IsRefusedWithTheRule_AndTheOldPinStillWorks()
    {
        var details = $"/Members/Details/{Data.StavangerMember.Id}";

        var response = await StaffClient.PostFormAsync(Staff, details + "?handler=SetPin", new() { ["pin"] = "12a" }, details);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("PIN-koden må være fra 4 til 8 sifre.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await MemberClient.PostCardLoginAsync(App.CreateClient(new() { AllowAutoRedirect = false }), "stavanger", "STAV0001", TestConsortium.MemberPin)).StatusCode);
    }

    [Fact]
    public async Task AnotherLibrarysMember_IsNotFound_AndRolesWithoutWriteAreRefused()
    {
        var ola = $"/Members/Details/{Data.BergenMember.Id}";
        var kari = $"/Members/Details/{Data.StavangerMember.Id}";
        var before = await JoinFlow.SnapshotAsync(App);

        var otherLibrary = await StaffClient.PostFormAsync(Staff, ola + "?handler=SetPin", new() { ["pin"] = "1111" }, kari);
        var dpo = await StaffClient.LoginAsync(App, "stavanger", StaffRoles.DataProtectionOfficer);
        var byDpo = await StaffClient.PostFormAsync(dpo, kari + "?handler=SetPin", new() { ["pin"] = "1111" }, kari);

        Assert.Equal(HttpStatusCode.NotFound, otherLibrary.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, byDpo.StatusCode);
        Assert.Contains("/Account/Denied", byDpo.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=SetPin", await dpo.GetStringAsync(kari), StringComparison.Ordinal);
        Assert.Equal(before, await JoinFlow.SnapshotAsync(App));
    }
}
