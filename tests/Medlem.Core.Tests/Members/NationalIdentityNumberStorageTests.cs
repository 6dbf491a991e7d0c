using Medlem.Core.Members;
using Medlem.Core.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Medlem.Core.Tests.Members;

// DESIGN.md §4 and STYLE.md "Data": sensitive columns are encrypted at rest, never plain text. Person's XML doc:
// the national identity number is "encrypted at rest with Data Protection, never a key and never shown in full".
// The test protector (TestPersonalDataProtector) is a reversible prefix + base64, so the raw column shows whether
// the value went through the protector.
public class NationalIdentityNumberStorageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static RegisterMemberInput WithNumber(string number) => TestMembers.Adult() with
    {
        Details = new MemberDetailsInput { GivenName = "Kari", FamilyName = "Nordmann", NationalIdentityNumber = number },
    };

    [Fact]
    public async Task Register_WithNumber_RawColumnIsNotThePlaintext()
    {
        using var database = TestDatabase.Create();
        var (personId, _) = await database.RegisteredAsync(database.LibraryA, WithNumber(TestMembers.SyntheticNin1952));

        using var command = database.Connection.CreateCommand();
        command.CommandText = "SELECT NationalIdentityNumber FROM People WHERE Id = $id";
        // EF Core's SQLite provider stores a Guid as upper-case TEXT.
        command.Parameters.AddWithValue("$id", personId.ToString().ToUpperInvariant());
        var raw = (string?)await command.ExecuteScalarAsync(Ct);

        Assert.NotNull(raw);
        Assert.DoesNotContain(TestMembers.SyntheticNin1952, raw, StringComparison.Ordinal);
        Assert.DoesNotContain("129052", raw, StringComparison.Ordinal); // not even the date part
        Assert.StartsWith(TestPersonalDataProtector.Prefix, raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_WithNumber_ReadsBackThroughEf()
    {
        using var database = TestDatabase.Create();
        var (personId, _) = await database.RegisteredAsync(database.LibraryA, WithNumber("129052 99938"));

        await using var db = database.NewContext();
        var person = await db.People.SingleAsync(p => p.Id == personId, Ct);
        Assert.Equal(TestMembers.SyntheticNin1952, person.NationalIdentityNumber); // whitespace removed, then decrypted
        Assert.Equal(TestMembers.SyntheticNin1952BirthDate, person.BirthDate);    // taken from the number
    }

    [Fact]
    public async Task Register_WithoutNumber_ColumnIsNull()
    {
        using var database = TestDatabase.Create();
        await database.RegisteredAsync(database.LibraryA, TestMembers.Adult());

        using var command = database.Connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM People WHERE NationalIdentityNumber IS NULL";
        Assert.Equal(1L, (long)(await command.ExecuteScalarAsync(Ct))!);
    }
}
