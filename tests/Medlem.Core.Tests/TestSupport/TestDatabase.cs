using Medlem.Core.Consortium;
using Medlem.Core.Data;
using Medlem.Core.Members;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Time.Testing;

namespace Medlem.Core.Tests.TestSupport;

/// <summary>
/// A fresh register per test: an in-memory SQLite database that lives as long as its one open
/// connection, created by the real SQLite migrations, with two public libraries (A and B) that
/// each have the default membership types. Dispose it at the end of the test.
/// </summary>
internal sealed class TestDatabase : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly DbContextOptions<MedlemDbContext> _options;

    private TestDatabase(string? file)
    {
        _connection = new SqliteConnection(file is null ? "DataSource=:memory:" : $"Data Source={file}");
        _connection.Open();
        _options = new DbContextOptionsBuilder<MedlemDbContext>()
            .UseSqlite(_connection, o => o.MigrationsAssembly("Medlem.Migrations.Sqlite"))
            .AddInterceptors(Saves)
            .Options;

        using var db = NewContext();
        db.Database.Migrate();
        var a = NewLibrary("stavanger", "Stavanger bibliotek", "964965226", "Stavanger");
        var b = NewLibrary("sandnes", "Sandnes bibliotek", "964965137", "Sandnes");
        db.Libraries.AddRange(a, b);
        db.SaveChanges();
        db.MembershipTypes.AddRange(DefaultMembershipTypes.For(a.Id));
        db.MembershipTypes.AddRange(DefaultMembershipTypes.For(b.Id));
        db.SaveChanges();
        LibraryA = a.Id;
        LibraryB = b.Id;
        Saves.Reset();
    }

    /// <summary>The library the tests act as, unless they say otherwise.</summary>
    public int LibraryA { get; }

    /// <summary>The other library, whose members library A must never see.</summary>
    public int LibraryB { get; }

    public FakeTimeProvider Clock { get; } = TestClock.Create();

    public MemberRules Rules { get; } = new() { AllowSyntheticNationalIdentityNumbers = true };

    /// <summary>Counts SaveChanges calls, to show that a use case stores everything in one.</summary>
    public SaveChangesCounter Saves { get; } = new();

    /// <summary>The open connection, for reading raw columns.</summary>
    public SqliteConnection Connection => _connection;

    /// <summary>In memory, or in <paramref name="file"/> (which other connections can open too).</summary>
    public static TestDatabase Create(string? file = null) => new(file);

    public MedlemDbContext NewContext() => new(_options, TestPersonalDataProtector.Instance);

    /// <summary>Rows in the member tables, to show that a failed use case stored nothing.</summary>
    public (int People, int Memberships, int Cards, int ContactPoints, int Guardianships) CountRows()
    {
        using var db = NewContext();
        return (db.People.Count(), db.Memberships.Count(), db.Cards.Count(), db.ContactPoints.Count(), db.Guardianships.Count());
    }

    public void Dispose() => _connection.Dispose();

    /// <summary>Organisation numbers pass the mod-11 rule: see OrganisationNumberTests for the arithmetic.</summary>
    internal static Library NewLibrary(string code, string name, string organisationNumber, string municipality) => new()
    {
        Code = code,
        Name = name,
        Kind = LibraryKind.Public,
        OrganisationNumber = organisationNumber,
        Municipality = municipality,
        DataProtectionOfficerName = "Personvern Ombud",
        DataProtectionOfficerEmail = "personvernombud@" + code + ".example",
    };
}

internal sealed class SaveChangesCounter : SaveChangesInterceptor
{
    private int _count;

    public int Count => _count;

    public void Reset() => _count = 0;

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Interlocked.Increment(ref _count);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        return ValueTask.FromResult(result);
    }
}
