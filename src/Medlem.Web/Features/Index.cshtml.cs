using System.Globalization;
using Medlem.Core.Members;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Medlem.Web.Features;

/// <summary>The start page: registered, active and passive members per library, small counts suppressed.</summary>
public sealed class IndexModel(MemberCounts counts, TimeProvider clock, IStringLocalizer<Program> texts) : PageModel
{
    public IReadOnlyList<LibraryMemberCounts> Counts { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = DateOnly.FromDateTime(clock.GetLocalNow().Date);
        Counts = await counts.RunAsync(ct);
    }

    public string Format(int? count, int threshold) =>
        count is { } c ? c.ToString("N0", CultureInfo.CurrentCulture) : texts["home.suppressed", threshold];
}
