using System.Globalization;

namespace Medlem.Statistics.Insight;

/// <summary>How a period was chosen; it decides its name and what "the period before" is.</summary>
public enum PeriodKind
{
    Year,
    Quarter,
    Month,

    /// <summary>The twelve calendar months ending with the current one.</summary>
    Last12Months,
}

/// <summary>
/// The period of an insight figure: whole calendar months, so that an age on the period's last
/// day follows from a birth month alone (the store holds no birth day) and month aggregates add
/// up to it exactly. Written as <c>2026</c>, <c>2026-Q3</c>, <c>2026-05</c> or <c>12m</c>.
/// </summary>
public sealed record InsightPeriod(PeriodKind Kind, DateOnly First, DateOnly Last)
{
    public int Months => ((Last.Year - First.Year) * 12) + Last.Month - First.Month + 1;

    public static InsightPeriod Year(int year) => new(PeriodKind.Year, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));

    public static InsightPeriod Quarter(int year, int quarter)
    {
        var first = new DateOnly(year, ((quarter - 1) * 3) + 1, 1);
        return new(PeriodKind.Quarter, first, first.AddMonths(3).AddDays(-1));
    }

    public static InsightPeriod Month(int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        return new(PeriodKind.Month, first, first.AddMonths(1).AddDays(-1));
    }

    /// <summary>The twelve months ending with the month of <paramref name="today"/>.</summary>
    public static InsightPeriod Last12MonthsTo(DateOnly today)
    {
        var first = new DateOnly(today.Year, today.Month, 1).AddMonths(-11);
        return new(PeriodKind.Last12Months, first, first.AddMonths(12).AddDays(-1));
    }

    /// <summary>The period of the same length just before this one (dropout and year on year compare with it).</summary>
    public InsightPeriod Previous() => this with { First = First.AddMonths(-Months), Last = First.AddDays(-1) };

    /// <summary>The first day of each month in the period.</summary>
    public IEnumerable<DateOnly> MonthStarts() => Enumerable.Range(0, Months).Select(First.AddMonths);

    public override string ToString() => Kind switch
    {
        PeriodKind.Year => First.Year.ToString(CultureInfo.InvariantCulture),
        PeriodKind.Quarter => $"{First.Year}-Q{((First.Month - 1) / 3) + 1}",
        PeriodKind.Month => First.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        _ => "12m",
    };

    /// <summary>Reads <c>2026</c>, <c>2026-Q3</c>, <c>2026-05</c> or <c>12m</c>; null when the text is none of them.</summary>
    public static InsightPeriod? Parse(string? text, DateOnly today)
    {
        text = text?.Trim();
        if (string.IsNullOrEmpty(text) || text.Equals("12m", StringComparison.OrdinalIgnoreCase))
        {
            return Last12MonthsTo(today);
        }

        var parts = text.Split('-');
        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 1900 or > 2999 || parts.Length > 2)
        {
            return null;
        }

        if (parts.Length == 1)
        {
            return Year(year);
        }

        var rest = parts[1];
        if (rest.Length == 2 && rest[0] is 'Q' or 'q' && rest[1] is >= '1' and <= '4')
        {
            return Quarter(year, rest[1] - '0');
        }

        return rest.Length == 2 && int.TryParse(rest, NumberStyles.None, CultureInfo.InvariantCulture, out var month) && month is >= 1 and <= 12
            ? Month(year, month)
            : null;
    }
}
