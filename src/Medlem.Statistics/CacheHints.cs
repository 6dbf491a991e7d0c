using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace Medlem.Statistics;

/// <summary>
/// Asking the processor for memory ahead of its use. The import looks up a random place in
/// megabytes of tables for every row (a member, a key filter word, a counter); asked for a few
/// rows ahead, those cache misses overlap instead of following one another.
/// </summary>
public static class CacheHints
{
    /// <summary>Fetches the cache line of <paramref name="element"/>; nothing where SSE is missing.</summary>
    public static unsafe void Prefetch<T>(ref T element)
    {
        // A prefetch never faults, so an element the collector has moved since costs nothing but the hint.
        if (Sse.IsSupported)
        {
            Sse.Prefetch0(Unsafe.AsPointer(ref element));
        }
    }
}
