namespace Medlem.Core.Activity.Reading;

public static class RecordReaders
{
    public static IRecordReader Open(ImportInput input) => input.Layout switch
    {
        InputLayout.Csv => new CsvRecordReader(input.Reader),
        InputLayout.JsonLines or InputLayout.JsonArray => new JsonRecordReader(input.Reader, input.Layout),
        _ => throw new ImportFileException(ImportReasons.EmptyFile),
    };
}

/// <summary>A file that cannot be read at all (empty, no header, a required column missing): the import fails whole and loads nothing.</summary>
public sealed class ImportFileException(string reason, string? detail = null) : Exception(detail is null ? reason : $"{reason}: {detail}")
{
    public string Reason { get; } = reason;

    public string? Detail { get; } = detail;
}
