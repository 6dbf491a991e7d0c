using System.Globalization;
using Medlem.Core.Members;

namespace Medlem.Web.Features.Member.MyPage;

/// <summary>
/// Dates, months, numbers and instants on "Min side", always in Norwegian form (nb-NO is the
/// request culture whatever the language of the text), and instants in the library's time zone.
/// </summary>
public static class MyPageFormat
{
    /// <summary>"1. januar 2020": the long date without the weekday that nb-NO's "D" pattern now carries.</summary>
    public static string Day(DateOnly day) => day.ToString("d. MMMM yyyy", CultureInfo.CurrentCulture);

    public static string Month(DateOnly month) => month.ToString("MMMM yyyy", CultureInfo.CurrentCulture);

    public static string Number(int n) => n.ToString("N0", CultureInfo.CurrentCulture);

    public static string Time(DateTime local) => local.ToString("g", CultureInfo.CurrentCulture);

    public static string Instant(DateTimeOffset at, TimeProvider clock) =>
        TimeZoneInfo.ConvertTime(at, clock.LocalTimeZone).ToString("g", CultureInfo.CurrentCulture);

    /// <summary>The benefits a type gives, one by one, in the enum's order.</summary>
    public static IEnumerable<MembershipBenefits> Benefits(MembershipType type) =>
        Enum.GetValues<MembershipBenefits>().Where(b => b != MembershipBenefits.None && type.Benefits.HasFlag(b));
}
