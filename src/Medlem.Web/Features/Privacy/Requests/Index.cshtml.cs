using Medlem.Core.Data;
using Medlem.Core.Privacy.Requests;
using Medlem.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Web.Features.Privacy.Requests;

/// <summary>The library's queue of data-subject requests: open ones first by due date, overdue marked.</summary>
public sealed class IndexModel(PrivacyRequests requests, MedlemDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<PrivacyRequest> Requests { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> Names { get; private set; } = new Dictionary<Guid, string>();
    public DateOnly Today { get; private set; }
    public bool All { get; private set; }

    public async Task OnGetAsync(bool all, CancellationToken ct)
    {
        var libraryId = HttpContext.Staff().LibraryId;
        All = all;
        Today = DateOnly.FromDateTime(clock.GetLocalNow().Date);
        Requests = await requests.QueueAsync(libraryId, openOnly: !all, ct);
        var ids = Requests.Select(r => r.PersonId).OfType<Guid>().Distinct().ToList();
        Names = (await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.GivenName, p.FamilyName }).ToListAsync(ct))
            .ToDictionary(p => p.Id, p => $"{p.GivenName} {p.FamilyName}");
    }
}
