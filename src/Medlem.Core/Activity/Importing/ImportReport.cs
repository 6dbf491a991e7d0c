namespace Medlem.Core.Activity.Importing;

/// <summary>
/// The rejected rows of one import. Every rejection is counted; the first
/// <see cref="MaxListed"/> are kept with line, column, value and reason (a file of nothing but bad
/// rows would otherwise fill the register), and the count says how many more there were.
/// </summary>
internal sealed class ImportReport
{
    public const int MaxListed = 10_000;
    public const int MaxValueLength = 200;

    public List<ImportRowError> Listed { get; } = [];

    public Dictionary<string, long> ByReason { get; } = [];

    public long Rejected { get; private set; }

    public void Reject(long line, string? column, ReadOnlySpan<char> value, string reason)
    {
        Rejected++;
        ByReason[reason] = ByReason.GetValueOrDefault(reason) + 1;
        if (Listed.Count < MaxListed)
        {
            Listed.Add(new ImportRowError
            {
                Line = line,
                Column = column,
                Value = value.IsEmpty ? null : value[..Math.Min(value.Length, MaxValueLength)].ToString(),
                Reason = reason,
            });
        }
    }
}
