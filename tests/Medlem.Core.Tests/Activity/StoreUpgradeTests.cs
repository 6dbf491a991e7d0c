using DuckDB.NET.Data;
using Medlem.Statistics;
using Xunit;

namespace Medlem.Core.Tests.Activity;

/// <summary>
/// A statistics store made by version 2 (facts in nine columns: branch and type in <c>ids</c>, the
/// wifi minutes or the event's code in <c>extra</c>) is brought up to version 3 (seven columns) when
/// opened: the <c>fact</c> view reads exactly what version 2's view read, and opening it again
/// changes nothing.
/// </summary>
public sealed class StoreUpgradeTests : IDisposable
{
    // Version 2's fact table and view, as Medlem made them (StatisticsSchema before version 3).
    private const string Version2 = """
        CREATE TABLE fact_row (key BIGINT NOT NULL, import_id INTEGER NOT NULL, library_id SMALLINT NOT NULL, day DATE NOT NULL, who INTEGER,
            flags INTEGER NOT NULL, ids INTEGER NOT NULL, codes INTEGER NOT NULL, extra INTEGER);
        CREATE TABLE code (code INTEGER NOT NULL, text VARCHAR NOT NULL);
        CREATE TABLE store_version (version INTEGER NOT NULL);
        INSERT INTO store_version VALUES (2);
        CREATE VIEW fact AS
        SELECT f.key, f.import_id, f.library_id, NULLIF(f.ids & 65535, 0)::SMALLINT AS branch_id, f.day,
               (f.flags & 255)::UTINYINT AS kind, ((f.flags >> 8) & 15)::UTINYINT AS match,
               CASE WHEN (f.flags >> 8) & 15 = 1 THEN f.who END AS member,
               CASE WHEN (f.flags >> 8) & 15 = 2 THEN f.who END AS visitor,
               NULLIF((f.flags >> 12) & 15, 0)::UTINYINT AS age_band,
               NULLIF(f.ids >> 16, 0)::SMALLINT AS membership_type_id,
               media.text AS media, category.text AS category, event.text AS event_id,
               NULLIF((f.flags >> 16) & 15, 0)::UTINYINT AS audience,
               CASE WHEN f.flags & 255 = 6 THEN f.extra END AS minutes
        FROM fact_row f
        LEFT JOIN code media ON media.code = NULLIF(f.codes & 65535, 0)
        LEFT JOIN code category ON category.code = NULLIF(f.codes >> 16, 0)
        LEFT JOIN code event ON event.code = CASE WHEN f.flags & 255 = 5 THEN f.extra END;
        INSERT INTO code VALUES (1, 'BOK'), (2, 'ROMAN'), (3, 'arr-2026-17'), (4, 'LYDBOK');
        INSERT INTO fact_row VALUES
            -- a loan: member 5, age band 4, branch 2, type 3, BOK/ROMAN
            (11, 1, 1, DATE '2026-11-02', 5, 1 | (1 << 8) | (4 << 12), 2 | (3 << 16), 1 | (2 << 16), NULL),
            -- a wifi session of an unknown visitor: 45 minutes, branch 2
            (12, 1, 1, DATE '2026-11-03', 900, 6 | (2 << 8), 2, 0, 45),
            -- a wifi session of no minutes at all
            (13, 1, 1, DATE '2026-11-03', 901, 6 | (2 << 8), 2, 0, 0),
            -- an event attendance by member 6, audience 3, branch 7, the event's code 3
            (14, 2, 1, DATE '2026-11-04', 6, 5 | (1 << 8) | (3 << 16), 7, 0, 3),
            -- an anonymous local use, LYDBOK, no branch; and a loan of another library, type 31,000
            (15, 2, 1, DATE '2026-11-05', NULL, 4, 0, 4, NULL),
            (16, 3, 2, DATE '2026-11-06', 7, 1 | (1 << 8), 9 | (31000 << 16), 4 | (1 << 16), NULL);
        """;

    private const string ReadFacts = "SELECT * EXCLUDE (import_id, library_id) FROM fact ORDER BY key";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "medlem-tests", $"store-upgrade-{Guid.NewGuid():N}");

    public StoreUpgradeTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task AVersion2Store_IsRepackedToSevenColumns_AndItsFactViewReadsTheSame()
    {
        var path = Path.Combine(_folder, "statistics.duckdb");
        List<string> before;
        await using (var old = new DuckDBConnection($"Data Source={path}"))
        {
            await old.OpenAsync(Ct);
            await old.ExecuteAsync(Version2, Ct);
            before = await RowsAsync(old);
        }

        var store = new StatisticsStore(path);
        await using (var upgraded = await store.OpenAsync(Ct))
        {
            Assert.Equal(before, await RowsAsync(upgraded));
            Assert.Equal(3, await upgraded.ScalarAsync<int>("SELECT version FROM store_version", Ct));
            Assert.Equal(
                ["key", "import_id", "library_id", "day", "who", "flags", "codes"],
                await upgraded.QueryAsync("SELECT column_name FROM duckdb_columns() WHERE table_name = 'fact_row' ORDER BY column_index", r => r.GetString(0), Ct));
        }

        await using var again = await store.OpenAsync(Ct);
        Assert.Equal(before, await RowsAsync(again));
        Assert.Equal(6, await again.ScalarAsync<long>("SELECT count(*) FROM fact_row", Ct));
    }

    /// <summary>The values version 2 read, spelt out (so the test fails if the fixture itself reads nothing sensible).</summary>
    [Fact]
    public async Task TheVersion2Fixture_ReadsAsItsRowsSay()
    {
        await using var old = new DuckDBConnection($"Data Source={Path.Combine(_folder, "v2.duckdb")}");
        await old.OpenAsync(Ct);
        await old.ExecuteAsync(Version2, Ct);

        Assert.Equal(
            [
                "11|2|2026-11-02|1|1|5||4|3|BOK|ROMAN|||",
                "12|2|2026-11-03|6|2||900|||||||45",
                "13|2|2026-11-03|6|2||901|||||||0",
                "14|7|2026-11-04|5|1|6||||||arr-2026-17|3|",
                "15||2026-11-05|4|0|||||LYDBOK||||",
                "16|9|2026-11-06|1|1|7|||31000|LYDBOK|BOK|||",
            ],
            await RowsAsync(old));
    }

    private static Task<List<string>> RowsAsync(DuckDBConnection connection) => connection.QueryAsync(ReadFacts, r =>
        string.Join('|', Enumerable.Range(0, r.FieldCount).Select(i => r.IsDBNull(i) ? "" : r.GetValue(i) is DateOnly d ? d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : Convert.ToString(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))), Ct);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
