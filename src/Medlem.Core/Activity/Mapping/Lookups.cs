using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Medlem.Statistics;

namespace Medlem.Core.Activity.Mapping;

/// <summary>
/// A member as the importer needs them: the statistics store's number for their pseudonym, and
/// what a fact records about them at the time. A small struct, held by value in the index: with
/// hundreds of thousands of members a row's member costs one memory read, not two (an object
/// behind a reference was the importer's largest per-row cost).
/// </summary>
internal readonly record struct MemberRef(Guid MembershipId, DateOnly BirthDate, short TypeId, bool KeepsReadingHistory, int Number);

/// <summary>
/// Finds a member by the references sources use: the library system's id, the card number, the
/// e-mail. Numeric source ids (Koha's borrowernumber) index an array directly: with hundreds of
/// thousands of members a dictionary lookup is several cache misses, and this runs for every row.
/// </summary>
internal sealed class MemberIndex
{
    private const int MaxDirectId = 50_000_000;
    private readonly Dictionary<string, MemberRef>.AlternateLookup<ReadOnlySpan<char>> _bySourceId;
    private readonly MemberRef[]? _byNumericId;
    private readonly Dictionary<string, MemberRef>.AlternateLookup<ReadOnlySpan<char>> _byCard;
    private readonly Dictionary<string, MemberRef> _byEmail;

    public MemberIndex(Dictionary<string, MemberRef> bySourceId, Dictionary<string, MemberRef> byCard, Dictionary<string, MemberRef> byEmail)
    {
        _bySourceId = bySourceId.GetAlternateLookup<ReadOnlySpan<char>>();
        _byCard = byCard.GetAlternateLookup<ReadOnlySpan<char>>();
        _byEmail = byEmail;
        Count = byCard.Count;
        // Ids that are all numbers (Koha's borrowernumbers) are places in an array instead.
        var largest = -1;
        foreach (var key in bySourceId.Keys)
        {
            if (!Number(key, out var n) || !IsCanonical(key) || n >= MaxDirectId)
            {
                largest = -1;
                break;
            }

            largest = Math.Max(largest, n);
        }

        if (largest >= 0)
        {
            _byNumericId = new MemberRef[largest + 1];
            foreach (var (key, member) in bySourceId)
            {
                Number(key, out var n);
                _byNumericId[n] = member;
            }
        }
    }

    public int Count { get; }

    public MemberRef? BySourceId(ReadOnlySpan<char> id)
    {
        if (_byNumericId is not null)
        {
            return Number(id, out var n) && n < _byNumericId.Length
                && IsCanonical(id) && _byNumericId[n] is { Number: > 0 } member ? member : null; // store numbers start at 1: 0 is an empty place
        }

        return _bySourceId.TryGetValue(id, out var m) ? m : null;
    }

    /// <summary>Fetches a numeric library-system id's member ahead of <see cref="BySourceId"/> (<see cref="Medlem.Statistics.CacheHints"/>).</summary>
    public void PrefetchSourceId(ReadOnlySpan<char> id)
    {
        if (_byNumericId is not null && Number(id, out var n) && n < _byNumericId.Length)
        {
            Medlem.Statistics.CacheHints.Prefetch(ref _byNumericId[n]);
        }
    }

    /// <summary>Up to nine digits, nothing else (more could overflow, and are past <see cref="MaxDirectId"/> anyway): a borrowernumber is read twice a row.</summary>
    private static bool Number(ReadOnlySpan<char> digits, out int value)
    {
        value = 0;
        return digits.Length is > 0 and <= 9 && FieldParsers.Digits(digits, out value);
    }

    /// <summary>"017" is not borrower 17: only the canonical spelling of a number (no leading zero) matches.</summary>
    private static bool IsCanonical(ReadOnlySpan<char> digits) => digits.Length == 1 || digits[0] != '0';

    public MemberRef? ByCard(ReadOnlySpan<char> card) => _byCard.TryGetValue(card, out var m) ? m : null;

    public MemberRef? ByEmail(ReadOnlySpan<char> email) =>
        !email.IsEmpty && _byEmail.TryGetValue(email.ToString().Trim().ToLowerInvariant(), out var m) ? m : null;
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
/// Fact keys: a 64-bit XxHash3 of a secret held in the register and the source's identity of
/// the event. Deterministic, so a re-import finds the same keys; keyed, so a key in the
/// statistics store cannot be recomputed from a guessed row (a borrower number and a time, say)
/// by anyone without the register's secret. Keys are compared within a library and day only.
/// </summary>
internal sealed class FactKeys(byte[] secret, short libraryId)
{
    /// <summary>The first 8 bytes of the 32-byte secret seed the hash: a 64-bit key.</summary>
    private readonly long _seed = BitConverter.ToInt64(secret, 0);

    public long Of(FactKind kind, ReadOnlySpan<char> a, ReadOnlySpan<char> b = default, ReadOnlySpan<char> c = default, ReadOnlySpan<char> d = default, ReadOnlySpan<char> e = default)
    {
        var length = 2 + a.Length + b.Length + c.Length + d.Length + e.Length + 5;
        Span<char> buffer = length <= 512 ? stackalloc char[length] : new char[length];
        buffer[0] = (char)libraryId;
        buffer[1] = (char)kind;
        var at = 2;
        Put(buffer, ref at, a);
        Put(buffer, ref at, b);
        Put(buffer, ref at, c);
        Put(buffer, ref at, d);
        Put(buffer, ref at, e);

        // One call over the joined parts: an incremental hash with a call per part took several times as long.
        return (long)XxHash3.HashToUInt64(MemoryMarshal.AsBytes(buffer[..at]), _seed);
    }

    private static void Put(Span<char> buffer, ref int at, ReadOnlySpan<char> part)
    {
        part.CopyTo(buffer[at..]);
        at += part.Length;
        buffer[at++] = '\u001F';
    }
}

/// <summary>
/// Visitor hashes: HMAC-SHA256 of an unmatched reference (card number, e-mail, device id) with
/// the month's key. The same device is one visitor within a month, so unique users can be
/// counted; next month's key makes it another, and deleting old keys (after 90 days) leaves no
/// way back to the device. The raw value never leaves this class.
/// <para>
/// Each mapping thread keeps one keyed HMAC a month and reuses it: setting up OpenSSL's HMAC for
/// every value took about 6 µs, most of the time an unknown borrower's row cost.
/// </para>
/// </summary>
internal sealed class VisitorHashes(Func<DateOnly, byte[]> keyForMonth) : IDisposable
{
    private readonly Dictionary<(int Month, string Value), Guid> _cache = [];
    private readonly ThreadLocal<Dictionary<int, IncrementalHash>> _macs = new(() => [], trackAllValues: true);

    public Guid Of(DateOnly day, string kind, ReadOnlySpan<char> reference)
    {
        var month = (day.Year * 12) + day.Month;
        var value = $"{kind}:{reference.Trim().ToString().ToLowerInvariant()}";
        lock (_cache) // the import's mappers run on every core
        {
            if (_cache.TryGetValue((month, value), out var known))
            {
                return known;
            }
        }

        var macs = _macs.Value!;
        if (!macs.TryGetValue(month, out var mac))
        {
            macs[month] = mac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, keyForMonth(new DateOnly(day.Year, day.Month, 1)));
        }

        mac.AppendData(Encoding.UTF8.GetBytes(value));
        Span<byte> hash = stackalloc byte[32];
        mac.GetHashAndReset(hash);
        var visitor = new Guid(hash[..16]);
        lock (_cache)
        {
            _cache[(month, value)] = visitor;
        }

        return visitor;
    }

    public void Dispose()
    {
        foreach (var mac in _macs.Values.SelectMany(m => m.Values))
        {
            mac.Dispose();
        }

        _macs.Dispose();
    }
}
