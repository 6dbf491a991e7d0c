namespace Medlem.Core.Activity.Mapping;

internal static class RowMappers
{
    public static RowMapper For(ImportKind kind) => kind switch
    {
        ImportKind.Patrons => new PatronsMapper(),
        ImportKind.Loans => new LoansMapper(),
        ImportKind.Events => new EventsMapper(),
        ImportKind.Attendance => new AttendanceMapper(),
        ImportKind.Wifi => new WifiMapper(),
        ImportKind.DigitalLoans => new DigitalLoansMapper(),
        ImportKind.Visits => new VisitsMapper(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
