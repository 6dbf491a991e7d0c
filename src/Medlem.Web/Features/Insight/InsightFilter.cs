using System.Globalization;
using Medlem.Core;
using Medlem.Core.Data;
using Medlem.Statistics;
using Medlem.Statistics.Insight;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Web.Features.Insight;

/// <summary>
/// The dashboard's filters as the page's form and the API's query string give them, all as text
/// and checked by <see cref="ResolveInsightFilter"/>: <c>library</c> (the staff member's own
/// library id, or <c>all</c> for the consortium; empty is the own library), <c>period</c>
/// (<c>2026</c>, <c>2026-Q3</c>, <c>2026-05</c>, <c>12m</c>; empty is the last 12 months),
/// <c>branch</c> and <c>membershipType</c> (ids of the own library), <c>ageBand</c>
/// (<c>0-5</c> … <c>45-66</c>, <c>67-</c>).
/// </summary>
public sealed record InsightFilter(string? Library = null, string? Period = null, string? Branch = null, string? AgeBand = null, string? MembershipType = null)
{
    public const string Consortium = "all";

    /// <summary>The filters as a query string (without "?"), for links to exports and the report.</summary>
    public string Query() => string.Join("&",
        new[] { ("library", Library), ("period", Period), ("branch", Branch), ("ageBand", AgeBand), ("membershipType", MembershipType) }
            .Where(p => !string.IsNullOrWhiteSpace(p.Item2))
            .Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!.Trim())}"));

    /// <summary>An age band as the filter writes it: "0-5", "16-19", "67-".</summary>
    public static string AgeBandCode(AgeBand band) => band == Statistics.AgeBand.Age67Plus ? "67-" : band.Label().Replace('–', '-');

    public static AgeBand? ParseAgeBand(string code) =>
        Enum.GetValues<AgeBand>().Cast<AgeBand?>().FirstOrDefault(b => AgeBandCode(b!.Value) == code.Trim().Replace('–', '-'));
}

/// <summary>A checked filter: whose figures, which period, and a short name for file names.</summary>
public sealed record InsightRequest(InsightScope Scope, InsightPeriod Period, string ScopeCode);

/// <summary>
/// Checks a filter against the signed-in staff member's library. Another library's id is "not
/// found", as everywhere (saying "forbidden" would confirm it exists); the consortium is open to
/// every library as aggregates. A branch or membership type must be one of the own library's, and
/// narrows only the own library's figures.
/// </summary>
public sealed class ResolveInsightFilter(MedlemDbContext db, TimeProvider clock)
{
    public async Task<Outcome<InsightRequest>> RunAsync(int libraryId, InsightFilter filter, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var library = filter.Library?.Trim();
        var consortium = string.Equals(library, InsightFilter.Consortium, StringComparison.OrdinalIgnoreCase);
        if (!consortium && !string.IsNullOrEmpty(library))
        {
            if (!int.TryParse(library, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                errors.Add("library", "insight.library");
            }
            else if (id != libraryId)
            {
                return Outcome<InsightRequest>.Missing();
            }
        }

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), clock.LocalTimeZone).DateTime);
        var period = InsightPeriod.Parse(filter.Period, today);
        if (period is null)
        {
            errors.Add("period", "insight.period");
        }

        var branch = await OwnAsync(filter.Branch, "branch", id => db.Branches.AnyAsync(b => b.Id == id && b.LibraryId == libraryId, ct));
        var type = await OwnAsync(filter.MembershipType, "membershipType", id => db.MembershipTypes.AnyAsync(t => t.Id == id && t.LibraryId == libraryId, ct));
        AgeBand? band = null;
        if (!string.IsNullOrWhiteSpace(filter.AgeBand) && (band = InsightFilter.ParseAgeBand(filter.AgeBand)) is null)
        {
            errors.Add("ageBand", "insight.age-band");
        }

        if (!errors.IsEmpty)
        {
            return Outcome<InsightRequest>.Invalid(errors);
        }

        var code = consortium ? "samarbeidet" : await db.Libraries.Where(l => l.Id == libraryId).Select(l => l.Code).SingleAsync(ct);
        return Outcome<InsightRequest>.Success(new(new InsightScope(consortium ? null : (short)libraryId, branch, band, type), period!, code));

        async Task<short?> OwnAsync(string? text, string field, Func<int, Task<bool>> exists)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            if (consortium)
            {
                errors.Add(field, "insight.needs-library");
            }
            else if (!int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id > short.MaxValue || !await exists(id))
            {
                errors.Add(field, field == "branch" ? "insight.branch" : "insight.membership-type");
            }
            else
            {
                return (short)id;
            }

            return null;
        }
    }
}
