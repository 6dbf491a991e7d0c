using System.Globalization;

namespace Medlem.Web.Features.Imports;

/// <summary>Figures and times of the import pages, formatted nb-NO (the current culture) in the library's time zone.</summary>
public static class ImportDisplay
{
    public static string Number(long value) => value.ToString("N0", CultureInfo.CurrentCulture);

    public static string Time(DateTimeOffset? value, TimeProvider clock) =>
        value is { } time ? TimeZoneInfo.ConvertTime(time, clock.LocalTimeZone).ToString("g", CultureInfo.CurrentCulture) : "–";

    public static string Seconds(TimeSpan? duration) =>
        duration is { } d ? d.TotalSeconds.ToString("N1", CultureInfo.CurrentCulture) : "–";
}
