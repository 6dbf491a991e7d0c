using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Medlem.Core.Insight;
using Medlem.Core.Privacy.Erasure;
using Medlem.Statistics;
using Medlem.Web.Tests.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Medlem.Web.Tests.Privacy;

/// <summary>
/// DESIGN.md §4 "Erasure is real" and issue 5's erasure scan: after erasing a person, every table
/// and column of the register (SQLite) and of the statistics store (DuckDB), and every captured log
/// line, is searched for each of the person's identifiers. Their facts must still be there, counted
/// as before, and lead to nobody.
/// </summary>
public sealed class ErasureScanTests : IAsyncLifetime
{
    private readonly MedlemApplication _app = new();
    private PrivacyScenario _scenario = null!;

    public async ValueTask InitializeAsync() => _scenario = await PrivacyScenario.CreateAsync(_app);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Erase_LeavesNoIdentifierInEitherStoreOrTheLogs_AndTheFactsStayAnonymousAndCounted()
    {
        var errorId = await _scenario.AddRejectedRowAsync(_app);
        await AddKeptTitleAsync();
        var before = await FiguresAsync();
        Assert.Equal(PrivacyScenario.Loans, before.PersonsFacts);

        // Read the person as the desk would, so the logs hold requests about them.
        Assert.Equal(HttpStatusCode.OK, (await _scenario.Desk.GetAsync($"/Members/Details/{_scenario.PersonId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _scenario.Desk.GetAsync($"/Privacy/Access/{_scenario.PersonId}")).StatusCode);

        // A consent given, and a request in the person's own words that name them and give their card: both
        // are personal data the erasure must take (the request's record stays, naming no one).
        Assert.Equal(HttpStatusCode.OK, (await _scenario.Desk.PutAsJsonAsync($"/api/v1/memberships/{_scenario.MembershipId}/consents/Newsletter", new { given = true, textVersion = 1 })).StatusCode);
        var request = await StaffClient.PostFormAsync(_scenario.Desk, $"/Privacy/Requests/New/{_scenario.PersonId}", new()
        {
            ["Kind"] = "Erasure", ["Channel"] = "Letter",
            ["Description"] = $"Jeg, {PrivacyScenario.GivenName} {PrivacyScenario.FamilyName}, vil slettes. Kortet mitt er {PrivacyScenario.Card}.",
        });
        Assert.Equal(HttpStatusCode.Redirect, request.StatusCode);
        Assert.True(await _app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.PersonId == _scenario.PersonId)));

        // Before the erasure the scan must find them, or it proves nothing.
        Assert.NotEmpty(await ScanRegisterAsync());
        Assert.NotEmpty(await ScanStoreAsync());

        var erased = await _scenario.Desk.PostAsync($"/api/v1/members/{_scenario.PersonId}/erase", null);
        Assert.Equal(HttpStatusCode.OK, erased.StatusCode);
        var result = await erased.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(result.GetProperty("personErased").GetBoolean());
        Assert.Equal(1, result.GetProperty("pseudonymLinksBroken").GetInt32());
        // The instruction is the only place the library system's ids still appear: handed back, not kept.
        Assert.Equal(PrivacyScenario.Borrowernumber, result.GetProperty("instruction").GetProperty("librarySystemIds")[0].GetProperty("id").GetString());
        Assert.Equal(PrivacyScenario.Card, result.GetProperty("instruction").GetProperty("cardNumbers")[0].GetString());

        Assert.Empty(await ScanRegisterAsync());
        Assert.Empty(await ScanStoreAsync());
        Assert.Equal(0, await _app.WithDbAsync(db => db.ConsentRecords.CountAsync(r => r.MembershipId == _scenario.MembershipId)));
        var kept = await _app.WithDbAsync(db => db.PrivacyRequests.SingleAsync());
        Assert.Equal((null, null, Core.Privacy.Requests.RequestKind.Erasure), (kept.PersonId, kept.Description, kept.Kind));
        Assert.False(await _app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.PersonId == _scenario.PersonId || e.MembershipId == _scenario.MembershipId)));
        Assert.DoesNotContain(_app.Logs.Lines, line => _scenario.Identifiers.Any(s => line.Contains(s, StringComparison.OrdinalIgnoreCase)));
        Assert.Equal(ErasePerson.Redacted, await _app.WithDbAsync(db => db.ImportRowErrors.Where(e => e.Id == errorId).Select(e => e.Value).SingleAsync()));

        var after = await FiguresAsync();
        // Same facts and aggregates; the person's facts moved from "linked" to "of no pseudonym"; their kept title is gone.
        Assert.Equal(
            before with { LinkedFacts = before.LinkedFacts - PrivacyScenario.Loans, PersonsFacts = 0, UnlinkedMemberFacts = before.UnlinkedMemberFacts + PrivacyScenario.Loans, Titles = 0 },
            after);

        // The erased person's number is not given to the next member: their facts stay nobody's.
        var next = await _scenario.Desk.PostAsJsonAsync("/api/v1/members", new
        {
            givenName = "Ny", familyName = "Person", birthDate = "1990-01-01", membershipTypeCode = "VOKSEN", verification = "IdentityCheckedAtDesk",
        });
        Assert.Equal(HttpStatusCode.Created, next.StatusCode);
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<RosterSync>().RefreshAsync(TimeSpan.Zero, TestContext.Current.CancellationToken);
        }

        Assert.Equal(after.UnlinkedMemberFacts, (await FiguresAsync()).UnlinkedMemberFacts);
    }

    /// <summary>
    /// The counts insight is computed from: all facts, the two aggregates, members per year; the facts
    /// that lead to a pseudonym; the person's facts (through their pseudonym); facts of no pseudonym.
    /// </summary>
    private sealed record Figures(long Facts, long MemberMonths, long BranchDays, long MemberYearLoans, long LinkedFacts, long PersonsFacts, long UnlinkedMemberFacts, long Titles);

    private Task<Figures> FiguresAsync() => PrivacyScenario.WithStoreAsync(_app, async duck =>
    {
        var ct = TestContext.Current.CancellationToken;
        var pseudonym = _scenario.Pseudonym.ToString();
        return new Figures(
            await duck.ScalarAsync<long>("SELECT count(*) FROM fact", ct),
            await duck.ScalarAsync<long>("SELECT coalesce(sum(n), 0) FROM member_month", ct),
            await duck.ScalarAsync<long>("SELECT coalesce(sum(n), 0) FROM branch_day", ct),
            await duck.ScalarAsync<long>("SELECT coalesce(sum(loans), 0) FROM member_year", ct),
            await duck.ScalarAsync<long>("SELECT count(*) FROM fact f JOIN member m ON m.member_id = f.member", ct),
            await duck.ScalarAsync<long>($"SELECT count(*) FROM fact f JOIN member m ON m.member_id = f.member WHERE m.pseudonym = '{pseudonym}'", ct),
            await duck.ScalarAsync<long>("SELECT count(*) FROM fact f WHERE f.match = 1 AND f.member NOT IN (SELECT member_id FROM member)", ct),
            await duck.ScalarAsync<long>("SELECT count(*) FROM title", ct));
    });

    /// <summary>No member keeps a reading history yet (consents come later): a title is kept by hand for one of the person's loans.</summary>
    private Task<int> AddKeptTitleAsync() => PrivacyScenario.WithStoreAsync(_app, async duck =>
    {
        await duck.ExecuteAsync(
            $"""
            INSERT INTO code VALUES (999999, 'Lånt tittel');
            INSERT INTO title SELECT f.key, f.library_id, f.day, 999999 FROM fact f JOIN member m ON m.member_id = f.member
            WHERE m.pseudonym = '{_scenario.Pseudonym}' LIMIT 1;
            """,
            TestContext.Current.CancellationToken);
        return 0;
    });

    /// <summary>Every value of every column of every table of the register, as text (blobs as UTF-8 and as raw bytes); the hits.</summary>
    private async Task<List<string>> ScanRegisterAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        var path = await _app.WithDbAsync(db => Task.FromResult(db.Database.GetDbConnection().DataSource));
        await using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(ct);
        var tables = await ReadAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table'", r => r.GetString(0));
        Assert.Contains("People", tables);
        var hits = new List<string>();
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var value = reader.IsDBNull(i) ? null : reader.GetValue(i);
                    var text = value switch
                    {
                        byte[] bytes => Encoding.UTF8.GetString(bytes) + " " + Convert.ToHexString(bytes),
                        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
                        _ => value?.ToString(),
                    };
                    hits.AddRange(Hits(text, value is byte[] blob ? blob : null).Select(s => $"{table}.{reader.GetName(i)}: {s}"));
                }
            }
        }

        return hits;
    }

    /// <summary>Every column of every table of the statistics store (information_schema), cast to text; the hits.</summary>
    private Task<List<string>> ScanStoreAsync() => PrivacyScenario.WithStoreAsync(_app, async duck =>
    {
        var ct = TestContext.Current.CancellationToken;
        var columns = await duck.QueryAsync(
            "SELECT c.table_name, c.column_name FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name) WHERE t.table_type = 'BASE TABLE' AND c.table_schema = 'main'",
            r => (Table: r.GetString(0), Column: r.GetString(1)), ct);
        Assert.Contains(columns, c => c.Table == "member" && c.Column == "pseudonym");
        var hits = new List<string>();
        foreach (var (table, column) in columns)
        {
            var values = await duck.QueryAsync($"SELECT DISTINCT CAST(\"{column}\" AS VARCHAR) FROM \"{table}\" WHERE \"{column}\" IS NOT NULL", r => r.GetString(0), ct);
            hits.AddRange(values.SelectMany(v => Hits(v, null)).Select(s => $"{table}.{column}: {s}"));
        }

        return hits;
    });

    private IEnumerable<string> Hits(string? text, byte[]? blob)
    {
        foreach (var secret in _scenario.Identifiers)
        {
            if (text?.Contains(secret, StringComparison.OrdinalIgnoreCase) == true)
            {
                yield return secret;
            }
        }

        if (blob is not null && blob.AsSpan().IndexOf(_scenario.Pseudonym.ToByteArray()) >= 0)
        {
            yield return "pseudonym bytes";
        }
    }

    private static async Task<List<T>> ReadAsync<T>(SqliteConnection connection, string sql, Func<SqliteDataReader, T> read)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
