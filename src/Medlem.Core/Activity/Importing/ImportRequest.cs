namespace Medlem.Core.Activity.Importing;

/// <summary>One file or API batch to import into one library.</summary>
public sealed record ImportRequest
{
    public required int LibraryId { get; init; }
    public required ImportKind Kind { get; init; }
    public ImportFormat Format { get; init; } = ImportFormat.Medlem;
    public required Stream Content { get; init; }
    public required string FileName { get; init; }

    /// <summary><c>cli</c>, <c>web</c> or <c>api</c>.</summary>
    public required string Channel { get; init; }

    /// <summary>The staff account, operator or API source that runs it.</summary>
    public required string RunBy { get; init; }

    /// <summary>Overrides of the built-in profile's columns, branch codes and values.</summary>
    public MappingProfile? Profile { get; init; }

    public string? IdempotencyKey { get; init; }

    /// <summary>The library's members, already being read (the command line starts it before EF Core has started); null: the import reads them.</summary>
    public MemberPreload? Members { get; init; }
}

/// <summary>How far an import has come: rows so far, and bytes of the file read.</summary>
public readonly record struct ImportProgress(long Rows, long Bytes);
