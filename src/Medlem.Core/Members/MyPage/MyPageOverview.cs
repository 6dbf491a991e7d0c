using Medlem.Core.Data;
using Medlem.Core.Privacy.Consents;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Core.Members.MyPage;

/// <summary>The member's e-mail newsletter and SMS choices for one membership: what "newsletter choices" means on the overview.</summary>
public sealed record MyContactChoices(MyMembership Membership, bool Newsletter, bool Sms, bool AskedAgain);

/// <summary>
/// "Min side" at a glance: who is signed in, their memberships with status and what a pending
/// one waits for, their events, their newsletter and SMS choices, open requests, and whether a
/// contact address still needs confirming.
/// </summary>
public sealed record MyOverview(
    string GivenName,
    IReadOnlyList<MyMembership> Memberships,
    MyEventList Events,
    IReadOnlyList<MyContactChoices> ContactChoices,
    IReadOnlyList<MyRequest> OpenRequests,
    bool EmailUnconfirmed);

/// <summary>Gathers the overview from the member's own scope; null when the person no longer exists (erased while signed in).</summary>
public sealed class MyPageOverview(MedlemDbContext db, MyMemberships memberships, MyEvents events, MyRequests requests, Consents consents)
{
    public async Task<MyOverview?> RunAsync(Guid personId, CancellationToken ct)
    {
        var person = await db.People.AsNoTracking().Include(p => p.ContactPoints).SingleOrDefaultAsync(p => p.Id == personId, ct);
        if (person is null)
        {
            return null;
        }

        var mine = await memberships.ListAsync(personId, ct);
        var choices = new List<MyContactChoices>();
        foreach (var membership in mine)
        {
            var states = await consents.StatesAsync(membership.Library.Id, membership.Id, ct) ?? [];
            var newsletter = states.Single(s => s.Purpose == ConsentPurpose.Newsletter);
            var sms = states.Single(s => s.Purpose == ConsentPurpose.Sms);
            choices.Add(new MyContactChoices(membership, newsletter.Given, sms.Given, newsletter.NeedsRenewal || sms.NeedsRenewal));
        }

        return new MyOverview(
            person.GivenName,
            mine,
            await events.RunAsync(personId, ct),
            choices,
            [.. (await requests.ListAsync(personId, ct)).Where(r => r.IsOpen)],
            person.ContactPoints.Any(c => c.Kind == ContactKind.Email && !c.Verified));
    }
}
