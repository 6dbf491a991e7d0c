using Medlem.Core.Privacy.Audit;
using Medlem.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Medlem.Web.Features.Privacy.Audit;

/// <summary>
/// The data protection officer's view of the audit trail: reads of members by the library's own
/// staff, newest first, by member and dates (days in the library's time zone), and a check of
/// the whole chain. Only the officer's role may open it (<see cref="StaffPolicies.ViewAudit"/>).
/// </summary>
[Authorize(Policy = StaffPolicies.ViewAudit)]
public sealed class IndexModel(AuditLog log, AuditChain chain, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "member")] public Guid? Member { get; set; }

    [BindProperty(SupportsGet = true, Name = "from")] public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")] public DateOnly? To { get; set; }

    /// <summary>From 1 (<c>?p=</c>: <c>page</c> is Razor Pages' own route value).</summary>
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public AuditPage Entries { get; private set; } = new([], 1, 1, 0);

    public AuditVerification? Verification { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task OnPostVerifyAsync(CancellationToken ct)
    {
        Verification = await chain.VerifyAsync(ct);
        await LoadAsync(ct);
    }

    /// <summary>An instant shown in the library's time zone.</summary>
    public DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, clock.LocalTimeZone);

    /// <summary>The query string of the current filter, for the page links.</summary>
    public string Filter(int page) =>
        QueryString.Create(new Dictionary<string, string?>
        {
            ["member"] = Member?.ToString(), ["from"] = From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["to"] = To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }.Where(p => p.Value is not null)).ToUriComponent();

    private async Task LoadAsync(CancellationToken ct)
    {
        var query = new AuditQuery(HttpContext.Staff().LibraryId, Member, StartOf(From), StartOf(To?.AddDays(1)), PageNumber, PageSize);
        Entries = await log.ListAsync(query, ct);
        PageNumber = Entries.Page;
    }

    private DateTimeOffset? StartOf(DateOnly? day) =>
        day is { } d ? new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(d.ToDateTime(TimeOnly.MinValue), clock.LocalTimeZone)) : null;
}
