using Medlem.Core.Consortium;

namespace Medlem.Core.Privacy.Retention;

/// <summary>What a rule sees of one library's run.</summary>
public sealed record RetentionScope(Library Library, RetentionPolicy Policy, DateTimeOffset Now, bool DryRun);

/// <summary>
/// One retention rule: finds what has outlived its period for a library and removes it, or with
/// <see cref="RetentionScope.DryRun"/> only counts it. Returns how many records (or files).
/// </summary>
public interface IRetentionRule
{
    string Key { get; }

    Task<long> ApplyAsync(RetentionScope scope, CancellationToken ct);
}
