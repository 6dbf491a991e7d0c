using Medlem.Core.Members.MyPage;
using Microsoft.AspNetCore.Mvc;

namespace Medlem.Web.Features.Member.MyPage;

/// <summary>
/// My activity: the member's own use per month over the last 12 or 24 months, per library, with
/// the titles where they keep a reading history, and every event they signed up for.
/// </summary>
public sealed class ActivityModel(MyActivity activity, MyEvents events) : MemberPageModel
{
    /// <summary>12 or 24 (<see cref="MyActivity.Periods"/>); anything else reads as 12.</summary>
    [BindProperty(SupportsGet = true, Name = "maaneder")] public int Months { get; set; }

    public IReadOnlyList<MyMembershipActivity> Memberships { get; private set; } = [];

    public MyEventList Events { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Months = MyActivity.Periods.Contains(Months) ? Months : MyActivity.Periods[0];
        Memberships = await activity.RunAsync(Member.PersonId, Months, ct);
        Events = await events.RunAsync(Member.PersonId, ct);
    }
}
