using System.Globalization;

namespace Medlem.Core.Tests.Activity;

/// <summary>
/// Koha exports as a library gets them. The statistics table's columns in Koha's own order
/// (installer/data/mysql/kohastructure.sql: datetime, branch, value, type, other, itemnumber,
/// itemtype, location, borrowernumber, ccode, categorycode, interface); the borrowers table's
/// columns a patrons report selects.
/// </summary>
internal static class KohaFiles
{
    public const string StatisticsHeader = "datetime,branch,value,type,other,itemnumber,itemtype,location,borrowernumber,ccode,categorycode,interface";

    public const string BorrowersHeader =
        "borrowernumber,cardnumber,surname,firstname,address,zipcode,city,email,phone,dateofbirth,branchcode,categorycode,dateenrolled,dateexpiry,sex,userid";

    /// <summary>One row of the statistics table: <c>2026-11-02 10:15:00,solvberget,0.000000,issue,,48211,BOK,VOKSEN,20417,ROMAN,V,intranet</c>.</summary>
    public static string Statistic(
        string datetime, string type, string itemnumber, string borrowernumber, string branch = "solvberget", string itemtype = "BOK",
        string ccode = "ROMAN", string categorycode = "V", string location = "VOKSEN", string other = "") =>
        $"{datetime},{branch},0.000000,{type},{other},{itemnumber},{itemtype},{location},{borrowernumber},{ccode},{categorycode},intranet";

    public static string Statistics(params string[] rows) => string.Join("\n", [StatisticsHeader, .. rows]) + "\n";

    /// <summary>
    /// <paramref name="count"/> issues, numbered from <paramref name="from"/>: item 100000 + n, one every 20 seconds
    /// from 2026-10-01 08:00 (row 140,000 falls on 2 November), alternating between Kari (borrowernumber 20417, even n)
    /// and an unknown borrowernumber 90000 + n (odd n).
    /// </summary>
    public static string NumberedIssues(int from, int count) =>
        Statistics([.. Enumerable.Range(from, count).Select(NumberedIssue)]);

    public static string NumberedIssue(int n) => Statistic(
        new DateTime(2026, 10, 1, 8, 0, 0).AddSeconds(20L * n).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        "issue", (100_000 + n).ToString(CultureInfo.InvariantCulture), n % 2 == 0 ? ImportFixture.KariBorrowernumber : (90_000 + n).ToString(CultureInfo.InvariantCulture));
}
