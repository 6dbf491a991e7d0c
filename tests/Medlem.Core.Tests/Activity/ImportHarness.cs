using System.Data.Common;
using System.Text;
using DuckDB.NET.Data;
using Medlem.Core.Activity;
using Medlem.Core.Activity.Importing;
using Medlem.Core.Consortium;
using Medlem.Core.Data;
using Medlem.Core.Members;
using Medlem.Core.Tests.TestSupport;
using Medlem.Statistics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Xunit;

namespace Medlem.Core.Tests.Activity;

/// <summary>
/// A register and a statistics store of their own for one test: <see cref="TestDatabase"/> (in-memory
/// SQLite, real migrations, clock fixed at 2026-11-28 13:00 in Oslo) with the branches and members of
/// <see cref="ImportFixture"/>, and a DuckDB file in a new temp folder, deleted on dispose.
/// </summary>
internal sealed class ImportHarness : IDisposable
{
    private ImportHarness(TestDatabase database, string folder)
    {
        Database = database;
        Folder = folder;
        Store = new StatisticsStore(Path.Combine(folder, "statistics.duckdb")) { LockWait = TimeSpan.FromSeconds(5) };
    }

    public TestDatabase Database { get; }

    public StatisticsStore Store { get; }

    public string Folder { get; }

    /// <summary>Stavanger: branches <c>solvberget</c> and <c>madla</c>, the four members of <see cref="ImportFixture"/>.</summary>
    public int LibraryA => Database.LibraryA;

    /// <summary>Sandnes: branch <c>sandnes</c>, one member (Siri).</summary>
    public int LibraryB => Database.LibraryB;

    public required IReadOnlyDictionary<string, FixtureMember> Members { get; init; }

    public required IReadOnlyDictionary<string, short> Branches { get; init; }

    /// <param name="registerOnFile">The register in a SQLite file in the test's folder instead of in memory (the importer then reads it on two connections).</param>
    public static async Task<ImportHarness> CreateAsync(bool registerOnFile = false)
    {
        var folder = Path.Combine(Path.GetTempPath(), "medlem-tests", $"stats-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var database = TestDatabase.Create(registerOnFile ? Path.Combine(folder, "medlem.db") : null);
        var (members, branches) = await ImportFixture.SeedAsync(database);
        return new ImportHarness(database, folder) { Members = members, Branches = branches };
    }

    public FixtureMember this[string given] => Members[given];

    public Task<ImportRun> ImportAsync(
        ImportKind kind, string content, ImportFormat format = ImportFormat.Medlem, MappingProfile? profile = null, int? library = null,
        string fileName = "export.csv", MedlemDbContext? context = null, MemberPreload? members = null) =>
        ImportAsync(kind, new MemoryStream(Encoding.UTF8.GetBytes(content)), format, profile, library, fileName, context: context, members: members);

    public Task<ImportRun> ImportAsync(ImportKind kind, byte[] content, ImportFormat format = ImportFormat.Medlem, MappingProfile? profile = null, int? library = null, string fileName = "export.csv") =>
        ImportAsync(kind, new MemoryStream(content), format, profile, library, fileName);

    /// <summary>
    /// Runs one import as the command line would (a context of its own, or <paramref name="context"/>, which it
    /// disposes) and reads its record back from the register.
    /// </summary>
    public async Task<ImportRun> ImportAsync(
        ImportKind kind, Stream content, ImportFormat format = ImportFormat.Medlem, MappingProfile? profile = null, int? library = null,
        string fileName = "export.csv", IProgress<ImportProgress>? progress = null, CancellationToken? cancel = null, MedlemDbContext? context = null,
        MemberPreload? members = null)
    {
        long id;
        await using (var db = context ?? Database.NewContext())
        {
            var run = await new ActivityImporter(db, Store, Database.Clock).ImportAsync(new ImportRequest
            {
                LibraryId = library ?? LibraryA,
                Kind = kind,
                Format = format,
                Content = content,
                FileName = fileName,
                Channel = "cli",
                RunBy = "test",
                Profile = profile,
                Members = members,
            }, progress, cancel ?? TestContext.Current.CancellationToken);
            id = run.Id;
        }

        return await RunAsync(id);
    }

    /// <summary>An import's record as the register holds it, errors ordered by line.</summary>
    /// <summary>Starts reading a library's members as the command line does before EF Core starts (the register must be in a file).</summary>
    public MemberPreload PreloadMembers(string libraryCode, ImportFormat format) =>
        MemberPreload.Start(() => new SqliteConnection(Database.Connection.ConnectionString), twoConnections: true, libraryCode, format);

    /// <summary>A context on the test's register with <paramref name="interceptors"/>: to make a write fail as a crash would.</summary>
    public MedlemDbContext NewContext(params IInterceptor[] interceptors) => new(
        new DbContextOptionsBuilder<MedlemDbContext>()
            .UseSqlite(Database.Connection, o => o.MigrationsAssembly("Medlem.Migrations.Sqlite"))
            .AddInterceptors(interceptors)
            .Options,
        TestPersonalDataProtector.Instance);

    /// <summary>
    /// A count read through a connection of its own, outside any import's transaction: what every other
    /// reader of the store sees at that moment. Synchronous, for use inside a progress callback.
    /// </summary>
    public long CountFromOutside(string sql)
    {
        using var connection = new DuckDBConnection($"Data Source={Store.Path}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Runs statements through a connection of its own (settings of the store's database apply to every connection).</summary>
    public void ExecuteOutside(string sql)
    {
        using var connection = new DuckDBConnection($"Data Source={Store.Path}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public async Task<ImportRun> RunAsync(long id)
    {
        await using var db = Database.NewContext();
        var run = await db.ImportRuns.AsNoTracking().Include(r => r.Errors).SingleAsync(r => r.Id == id, TestContext.Current.CancellationToken);
        run.Errors = [.. run.Errors.OrderBy(e => e.Line).ThenBy(e => e.Id)];
        return run;
    }

    public async Task<List<ImportRun>> RunsAsync()
    {
        await using var db = Database.NewContext();
        return await db.ImportRuns.AsNoTracking().OrderBy(r => r.Id).ToListAsync(TestContext.Current.CancellationToken);
    }

    public async Task<List<T>> QueryAsync<T>(string sql, Func<DbDataReader, T> read)
    {
        await using var duck = await Store.OpenAsync(TestContext.Current.CancellationToken);
        return await duck.QueryAsync(sql, read, TestContext.Current.CancellationToken);
    }

    public async Task<long> CountAsync(string sql)
    {
        await using var duck = await Store.OpenAsync(TestContext.Current.CancellationToken);
        return await duck.ScalarAsync<long>(sql, TestContext.Current.CancellationToken);
    }

    public async Task<DuckDBConnection> OpenStoreAsync() => await Store.OpenAsync(TestContext.Current.CancellationToken);

    /// <summary>
    /// Facts as comparable rows, ordered, read through the store's <c>fact</c> view, with the member's
    /// pseudonym and the visitor's hash looked up from the store's <c>member</c> and <c>visitor</c> tables.
    /// </summary>
    public Task<List<FactRow>> FactsAsync(string where = "true") => QueryAsync(
        $"""
        SELECT f.kind, f.day, f.branch_id, f.match, m.pseudonym, v.hash, f.age_band, f.membership_type_id, f.media, f.category, f.event_id,
               f.audience, f.minutes, f.key, f.library_id
        FROM fact f
        LEFT JOIN member m ON m.member_id = f.member
        LEFT JOIN visitor v ON v.visitor_id = f.visitor
        WHERE {where}
        ORDER BY f.library_id, f.day, f.kind, f.key
        """,
        r => new FactRow(
            (FactKind)r.GetByte(0), DateOnly.FromDateTime(r.GetDateTime(1)), r.IsDBNull(2) ? null : r.GetInt16(2), (MatchKind)r.GetByte(3),
            r.IsDBNull(4) ? null : r.GetGuid(4), r.IsDBNull(5) ? null : r.GetGuid(5), r.IsDBNull(6) ? null : (AgeBand)r.GetByte(6),
            r.IsDBNull(7) ? null : r.GetInt16(7), r.IsDBNull(8) ? null : r.GetString(8), r.IsDBNull(9) ? null : r.GetString(9),
            r.IsDBNull(10) ? null : r.GetString(10), r.IsDBNull(11) ? null : (Audience)r.GetByte(11), r.IsDBNull(12) ? null : r.GetInt32(12),
            r.GetInt64(13), r.GetInt16(14)));

    /// <summary>
    /// Both aggregates as the insight queries read them (partial counts summed), as text rows in a fixed
    /// order: a snapshot to compare before and after.
    /// </summary>
    public async Task<List<string>> AggregatesAsync()
    {
        var months = await QueryAsync(
            "SELECT library_id, member, month, kind, sum(n)::BIGINT FROM member_month GROUP BY ALL ORDER BY ALL",
            r => FormattableString.Invariant($"member_month {r.GetInt16(0)} {r.GetInt32(1)} {r.GetDateTime(2):yyyy-MM} {r.GetByte(3)} {r.GetInt64(4)}"));
        var days = await QueryAsync(
            "SELECT library_id, branch_id, day, kind, match, age_band, membership_type_id, sum(n)::BIGINT FROM branch_day GROUP BY ALL ORDER BY ALL",
            r => FormattableString.Invariant(
                $"branch_day {r.GetInt16(0)} {(r.IsDBNull(1) ? "-" : r.GetInt16(1))} {r.GetDateTime(2):yyyy-MM-dd} {r.GetByte(3)} {r.GetByte(4)} {(r.IsDBNull(5) ? "-" : r.GetByte(5))} {(r.IsDBNull(6) ? "-" : r.GetInt16(6))} {r.GetInt64(7)}"));
        return [.. months, .. days];
    }

    public async Task<Membership> MembershipAsync(string given)
    {
        await using var db = Database.NewContext();
        return await db.Memberships.AsNoTracking().SingleAsync(m => m.Id == Members[given].MembershipId, TestContext.Current.CancellationToken);
    }

    public async Task<List<(string ExternalId, ImportFormat System, Guid MembershipId)>> LinksAsync()
    {
        await using var db = Database.NewContext();
        var links = await db.SourceIdentities.AsNoTracking().Where(s => s.LibraryId == LibraryA).ToListAsync(TestContext.Current.CancellationToken);
        return [.. links.Select(s => (s.ExternalId, s.System, s.MembershipId)).OrderBy(s => s.System).ThenBy(s => s.ExternalId, StringComparer.Ordinal)];
    }

    public void Dispose()
    {
        Database.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on another platform; the temp folder is cleaned by the OS.
        }
    }
}

/// <summary>A fact as read back from the store (the columns a test compares).</summary>
internal sealed record FactRow(
    FactKind Kind, DateOnly Day, short? BranchId, MatchKind Match, Guid? Member, Guid? Visitor, AgeBand? AgeBand, short? MembershipTypeId,
    string? Media, string? Category, string? EventId, Audience? Audience, int? Minutes, long Key, short LibraryId);

/// <summary>A member of the fixture with every identifier a source might use for them.</summary>
internal sealed record FixtureMember(
    string GivenName, string FamilyName, DateOnly BirthDate, string TypeCode, short TypeId, string Card, string? Email,
    Guid MembershipId, Guid Pseudonym, int LibraryId);

/// <summary>
/// The register the import tests share (each test gets its own copy): two libraries of
/// <see cref="TestDatabase"/>, their branches, and five members with cards and e-mails.
/// Kari's Koha borrowernumber 20417 is already linked (as a patrons import would have done).
/// </summary>
internal static class ImportFixture
{
    public const string KariBorrowernumber = "20417";

    /// <summary>Given name, family name, birth date, type, card, e-mail; library A unless <c>B</c>.</summary>
    private static readonly (string Given, string Family, DateOnly Born, string Type, string Card, string? Email, bool B)[] People =
    [
        // 36 on every day of 2026 → 30–44.
        ("Kari", "Nordmann", new DateOnly(1990, 1, 1), DefaultMembershipTypes.Codes.Borrower, "2100000017", "kari.nordmann@example.no", false),
        // 10 in November 2026 → 6–12.
        ("Ola", "Nordmann", new DateOnly(2016, 5, 1), DefaultMembershipTypes.Codes.Child, "2100000025", null, false),
        // 71 in 2026 → 67+.
        ("Ingrid", "Solberg", new DateOnly(1955, 3, 10), DefaultMembershipTypes.Codes.Borrower, "2100000033", "ingrid.solberg@example.no", false),
        // 18 from 15 July 2026 → 16–19 (17 before it: 16–19 too).
        ("Per", "Hansen", new DateOnly(2008, 7, 15), DefaultMembershipTypes.Codes.Youth, "2100000041", "per.hansen@example.no", false),
        // Library B's member: library A's imports must never match her.
        ("Siri", "Sandvik", new DateOnly(1980, 6, 6), DefaultMembershipTypes.Codes.Borrower, "3100000019", "siri.sandvik@example.no", true),
    ];

    public static async Task<(Dictionary<string, FixtureMember> Members, Dictionary<string, short> Branches)> SeedAsync(TestDatabase database)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = database.NewContext();
        db.Branches.AddRange(
            new Branch { LibraryId = database.LibraryA, Code = "solvberget", Name = "Sølvberget hovedbibliotek", IsMain = true },
            new Branch { LibraryId = database.LibraryA, Code = "madla", Name = "Madla bibliotek" },
            new Branch { LibraryId = database.LibraryB, Code = "sandnes", Name = "Sandnes bibliotek", IsMain = true });
        await db.SaveChangesAsync(ct);

        var types = await db.MembershipTypes.AsNoTracking().ToListAsync(ct);
        var members = new Dictionary<string, FixtureMember>(StringComparer.Ordinal);
        foreach (var p in People)
        {
            var libraryId = p.B ? database.LibraryB : database.LibraryA;
            var type = types.Single(t => t.LibraryId == libraryId && t.Code == p.Type);
            var person = new Person
            {
                Id = Guid.NewGuid(), GivenName = p.Given, FamilyName = p.Family, BirthDate = p.Born,
                CreatedAt = TestClock.Now, UpdatedAt = TestClock.Now,
            };
            if (p.Email is not null)
            {
                person.ContactPoints.Add(new ContactPoint { Kind = ContactKind.Email, Value = p.Email, Verified = true });
            }

            var membership = new Membership
            {
                Id = Guid.NewGuid(), PersonId = person.Id, LibraryId = libraryId, MembershipTypeId = type.Id, Pseudonym = Guid.NewGuid(),
                ValidFrom = new DateOnly(2020, 1, 1), Verification = VerificationLevel.IdentityCheckedAtDesk,
                CreatedAt = TestClock.Now, UpdatedAt = TestClock.Now,
                Cards = [new LibraryCard { LibraryId = libraryId, Number = p.Card, IssuedOn = new DateOnly(2020, 1, 1) }],
            };
            person.Memberships.Add(membership);
            db.People.Add(person);
            members[p.Given] = new FixtureMember(p.Given, p.Family, p.Born, p.Type, (short)type.Id, p.Card, p.Email, membership.Id, membership.Pseudonym, libraryId);
        }

        db.SourceIdentities.Add(new SourceIdentity
        {
            LibraryId = database.LibraryA, System = ImportFormat.Koha, ExternalId = KariBorrowernumber, MembershipId = members["Kari"].MembershipId,
        });
        await db.SaveChangesAsync(ct);

        var branches = await db.Branches.AsNoTracking().ToDictionaryAsync(b => b.Code, b => (short)b.Id, StringComparer.Ordinal, ct);
        return (members, branches);
    }
}
