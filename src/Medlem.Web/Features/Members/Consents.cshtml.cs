using Medlem.Core.Consortium;
using Medlem.Core.Data;
using Medlem.Core.Members;
using Medlem.Core.Privacy.Audit;
using Medlem.Core.Privacy.Consents;
using Medlem.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Medlem.Web.Features.Members;

/// <summary>
/// A membership's consents at the desk: each purpose with the text in force and its state, the
/// history of changes, and — for desk and customer care — recording a consent the member (or a
/// guardian of a child under 13) gives or withdraws there and then.
/// </summary>
public sealed class ConsentsModel(Consents consents, MedlemDbContext db, AuditTrail audit, TimeProvider clock, IStringLocalizer<Program> texts) : PageModel
{
    public Guid MembershipId { get; private set; }
    public Guid PersonId { get; private set; }
    public string MemberName { get; private set; } = "";
    public bool IsYoungChild { get; private set; }
    public bool CanWrite { get; private set; }
    public IReadOnlyList<ConsentState> States { get; private set; } = [];
    public IReadOnlyList<ConsentRecord> History { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name)> Guardians { get; private set; } = [];

    [TempData] public string? Message { get; set; }

    public Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => ShowAsync(id, ct);

    public async Task<IActionResult> OnPostAsync(Guid id, ConsentPurpose purpose, bool given, int textVersion, Guid? guardianId, CancellationToken ct)
    {
        var staff = HttpContext.Staff();
        if (!staff.Has(StaffRoles.Desk | StaffRoles.CustomerCare))
        {
            return Forbid();
        }

        var act = new ConsentAct(ConsentChannel.Desk, guardianId is null ? ConsentActor.Staff : ConsentActor.Guardian, guardianId, staff.StaffId);
        var outcome = await consents.SetAsync(staff.LibraryId, id, purpose, given, textVersion, act, ct);
        if (outcome.NotFound)
        {
            return NotFound();
        }

        if (!outcome.Succeeded)
        {
            ValidationMessages.AddTo(ModelState, outcome.Errors, texts, "");
            return await ShowAsync(id, ct);
        }

        await audit.RecordAsync(staff.Actor, AuditAction.Update, AuditPurposes.DeskConsentsChange, await SubjectAsync(staff.LibraryId, id, ct), ct);
        Message = texts["consent.saved"];
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult> ShowAsync(Guid id, CancellationToken ct)
    {
        var staff = HttpContext.Staff();
        var membership = await db.Memberships.OfLibrary(staff.LibraryId).AsNoTracking().Include(m => m.Person)
            .SingleOrDefaultAsync(m => m.Id == id, ct);
        if (membership is null || await consents.StatesAsync(staff.LibraryId, id, ct) is not { } states)
        {
            return NotFound();
        }

        await audit.RecordAsync(staff.Actor, AuditAction.Read, AuditPurposes.DeskConsents, new AuditSubject(membership.PersonId, id), ct);
        MembershipId = id;
        PersonId = membership.PersonId;
        MemberName = membership.Person!.FullName;
        States = states;
        History = await consents.HistoryAsync(staff.LibraryId, id, ct) ?? [];
        IsYoungChild = membership.Person.AgeOn(DateOnly.FromDateTime(clock.GetLocalNow().Date)) < Consents.OwnConsentFromAge;
        CanWrite = staff.Has(StaffRoles.Desk | StaffRoles.CustomerCare);
        Guardians = IsYoungChild
            ? [.. (await db.Guardianships.AsNoTracking().Where(g => g.ChildId == membership.PersonId).Include(g => g.Guardian).ToListAsync(ct))
                .Select(g => (g.GuardianId, g.Guardian!.FullName))]
            : [];
        return Page();
    }

    private async Task<AuditSubject> SubjectAsync(int libraryId, Guid membershipId, CancellationToken ct) =>
        new(await db.Memberships.OfLibrary(libraryId).Where(m => m.Id == membershipId).Select(m => m.PersonId).SingleAsync(ct), membershipId);
}
