using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Medlem.Statistics;

namespace Medlem.Core.Activity.Mapping;

/// <summary>A member as the importer needs them: the pseudonym and what the fact records about them at the time.</summary>
internal sealed record MemberRef(Guid MembershipId, Guid Pseudonym, DateOnly BirthDate, short TypeId, bool KeepsReadingHistory);

/// <summary>Finds a member by the references sources use: the library system's id, the card number, the e-mail.</summary>
internal sealed class MemberIndex(
    Dictionary<string, MemberRef> bySourceId,
    Dictionary<string, MemberRef> byCard,
    Dictionary<string, MemberRef> byEmail)
{
    private readonly Dictionary<string, MemberRef>.AlternateLookup<ReadOnlySpan<char>> _bySourceId = bySourceId.GetAlternateLookup<ReadOnlySpan<char>>();
    private readonly Dictionary<string, MemberRef>.AlternateLookup<ReadOnlySpan<char>> _byCard = byCard.GetAlternateLookup<ReadOnlySpan<char>>();

    public int Count => byCard.Count;

    public MemberRef? BySourceId(ReadOnlySpan<char> id) => _bySourceId.TryGetValue(id, out var m) ? m : null;

    public MemberRef? ByCard(ReadOnlySpan<char> card) => _byCard.TryGetValue(card, out var m) ? m : null;

    public MemberRef? ByEmail(ReadOnlySpan<char> email) =>
        email.IsEmpty ? null : byEmail.GetValueOrDefault(email.ToString().Trim().ToLowerInvariant());
}

/// <summary>Branch codes of the library, with the profile's translations of the source's codes.</summary>
internal sealed class BranchIndex
{
    private readonly Dictionary<string, short>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public BranchIndex(IEnumerable<(string Code, short Id)> branches, IReadOnlyDictionary<string, string> translations)
    {
        var byCode = new Dictionary<string, short>(StringComparer.OrdinalIgnoreCase);
        foreach (var (code, id) in branches)
        {
            byCode[code] = id;
        }

        foreach (var (source, code) in translations)
        {
            if (byCode.TryGetValue(code, out var id))
            {
                byCode[source] = id;
            }
        }

        _lookup = byCode.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public bool TryGet(ReadOnlySpan<char> code, out short id) => _lookup.TryGetValue(code, out id);
}

/// <summary>
/// Fact keys: a 128-bit XxHash3 of a secret held in the register and the source's identity of
/// the event. Deterministic, so a re-import finds the same keys; keyed, so a key in the
/// statistics store cannot be recomputed from a guessed row (a borrower number and a time, say)
/// by anyone without the register's secret.
/// </summary>
internal sealed class FactKeys(byte[] secret, short libraryId)
{
    private readonly XxHash128 _hash = new();

    public Guid Of(FactKind kind, ReadOnlySpan<char> a, ReadOnlySpan<char> b = default, ReadOnlySpan<char> c = default, ReadOnlySpan<char> d = default, ReadOnlySpan<char> e = default)
    {
        _hash.Reset();
        _hash.Append(secret);
        Span<byte> head = [(byte)libraryId, (byte)(libraryId >> 8), (byte)kind];
        _hash.Append(head);
        Part(a);
        Part(b);
        Part(c);
        Part(d);
        Part(e);
        var value = _hash.GetCurrentHashAsUInt128();
        return new Guid(MemoryMarshal.AsBytes(new ReadOnlySpan<UInt128>(in value)));
    }

    private void Part(ReadOnlySpan<char> part)
    {
        _hash.Append(MemoryMarshal.AsBytes(part));
        _hash.Append([0x1F]);
    }
}

/// <summary>
/// Visitor hashes: HMAC-SHA256 of an unmatched reference (card number, e-mail, device id) with
/// the month's key. The same device is one visitor within a month, so unique users can be
/// counted; next month's key makes it another, and deleting old keys (after 90 days) leaves no
/// way back to the device. The raw value never leaves this class.
/// </summary>
internal sealed class VisitorHashes(Func<DateOnly, byte[]> keyForMonth)
{
    private readonly Dictionary<(int Month, string Value), Guid> _cache = [];

    public Guid Of(DateOnly day, string kind, ReadOnlySpan<char> reference)
    {
        var month = (day.Year * 12) + day.Month;
        var value = $"{kind}:{reference.Trim().ToString().ToLowerInvariant()}";
        if (_cache.TryGetValue((month, value), out var hash))
        {
            return hash;
        }

        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(keyForMonth(new DateOnly(day.Year, day.Month, 1)), Encoding.UTF8.GetBytes(value), mac);
        hash = new Guid(mac[..16]);
        _cache[(month, value)] = hash;
        return hash;
    }
}
