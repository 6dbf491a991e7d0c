using System.Text;

namespace Medlem.Core.Demo.Activity;

/// <summary>A CSV file as exports write it: UTF-8, comma separated, RFC 4180 quoting where needed.</summary>
internal sealed class DemoCsv : IDisposable
{
    private readonly StreamWriter _writer;

    public DemoCsv(string path, params string[] header)
    {
        _writer = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
        Row(header);
        Rows = 0;
    }

    public long Rows { get; private set; }

    public void Row(params string?[] fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                _writer.Write(',');
            }

            var field = fields[i] ?? "";
            if (field.AsSpan().IndexOfAny(",\"\n\r") >= 0)
            {
                _writer.Write('"');
                _writer.Write(field.Replace("\"", "\"\"", StringComparison.Ordinal));
                _writer.Write('"');
            }
            else
            {
                _writer.Write(field);
            }
        }

        _writer.WriteLine();
        Rows++;
    }

    public void Dispose() => _writer.Dispose();
}
