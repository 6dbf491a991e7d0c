namespace Medlem.Web.Tests.Imports;

/// <summary>
/// Small exports in Medlem's own layout, each with the figures it must give, worked out from the
/// rows by hand. The test consortium's Stavanger has one branch, <c>hoved</c>, and one member,
/// Kari, with card <c>STAV0001</c>; Bergen has branch <c>hoved</c> and Ola with card <c>BERG0001</c>.
/// Today is 28 November 2026 (MedlemApplication.Now).
/// </summary>
internal static class ImportFiles
{
    /// <summary>
    /// Stavanger loans, one row per circulation event. Line 1 is the header, so the rows are lines 2–9:
    /// 2 Kari's loan (member), 3 a loan on a card nobody in Stavanger holds (unmatched), 4 a renewal
    /// with no card (anonymous), 5 month 13 (rejected: time, date.invalid), 6 branch "nowhere"
    /// (rejected: branch, branch.unknown), 7 Christmas Eve 2026, after today (rejected: time,
    /// date.future), 8 type "borrow" (rejected: type, type.unknown), 9 line 2 again (a duplicate).
    /// Read 8, loaded 3, already there 1, rejected 4, unmatched 1, anonymous 1.
    /// </summary>
    public const string StavangerLoansCsv =
        "time,branch,type,item_id,card_number\n" +
        "2026-11-02 10:15:00,hoved,issue,ITEM-1,STAV0001\n" +
        "2026-11-02 10:16:00,hoved,issue,ITEM-2,UKJENT99\n" +
        "2026-11-03 11:00:00,hoved,renew,ITEM-1,\n" +
        "2026-13-01 09:00:00,hoved,issue,ITEM-3,STAV0001\n" +
        "2026-11-04 12:00:00,nowhere,issue,ITEM-4,STAV0001\n" +
        "2026-12-24 12:00:00,hoved,issue,ITEM-5,STAV0001\n" +
        "2026-11-05 12:00:00,hoved,borrow,ITEM-6,STAV0001\n" +
        "2026-11-02 10:15:00,hoved,issue,ITEM-1,STAV0001\n";

    /// <summary>Loans whose every row names a branch Stavanger does not (yet) have: the import fails whole (file.other-library). Two rows, both for branch "sentrum".</summary>
    public const string SentrumLoansCsv =
        "time,branch,type,item_id,card_number\n" +
        "2026-11-10 09:00:00,sentrum,issue,ITEM-7,STAV0001\n" +
        "2026-11-10 09:30:00,sentrum,issue,ITEM-8,\n";

    /// <summary>
    /// A batch for the API, as a JSON array (a row's line is its position, from 1): 1 Kari's loan,
    /// 2 a card nobody holds (unmatched), 3 a return without a card (anonymous), 4 "i går" is no
    /// time (rejected: time, date.invalid), 5 branch "filial-x" (rejected: branch, branch.unknown).
    /// Read 5, loaded 3, already there 0, rejected 2, unmatched 1, anonymous 1.
    /// </summary>
    public const string LoansBatchJson = """
        [
          {"time": "2026-11-10 09:00:00", "branch": "hoved", "type": "issue", "item_id": "B-1", "card_number": "STAV0001"},
          {"time": "2026-11-10 09:05:00", "branch": "hoved", "type": "issue", "item_id": "B-2", "card_number": "ANNET77"},
          {"time": "2026-11-10 09:10:00", "branch": "hoved", "type": "return", "item_id": "B-1"},
          {"time": "i går", "branch": "hoved", "type": "issue", "item_id": "B-3", "card_number": "STAV0001"},
          {"time": "2026-11-10 09:20:00", "branch": "filial-x", "type": "issue", "item_id": "B-4"}
        ]
        """;
}
