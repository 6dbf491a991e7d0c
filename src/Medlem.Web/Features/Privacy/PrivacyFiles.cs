using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Medlem.Core.Privacy.Access;
using Medlem.Core.Privacy.Erasure;
using Medlem.Web.Features.Shared;

namespace Medlem.Web.Features.Privacy;

/// <summary>
/// The files of the data-subject requests: the access export as JSON (art. 15), the portability
/// package (art. 20: what the person provided and their activity, as JSON and CSV in one zip), and
/// the erasure instruction for the library system (CSV or JSON). Built in memory and sent, never
/// written to disk.
/// </summary>
public static class PrivacyFiles
{
    public const string JsonType = "application/json";
    public const string CsvType = "text/csv";
    public const string ZipType = "application/zip";

    /// <summary>Indented, enums by name, Norwegian letters as themselves: the person reads this file.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    public static byte[] ExportJson(AccessExportDocument export) => JsonSerializer.SerializeToUtf8Bytes(export, Json);

    /// <summary>What the person gave the library (art. 20 covers data "provided by" them), and the activity they generated.</summary>
    public static object Provided(AccessExportDocument export) => new
    {
        export.Person.GivenName,
        export.Person.FamilyName,
        export.Person.BirthDate,
        export.Person.Address,
        export.Person.PreferredLanguage,
        ContactPoints = export.ContactPoints.Select(c => new { c.Kind, c.Value }),
    };

    public static byte[] PortabilityZip(AccessExportDocument export)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "person.json", JsonSerializer.SerializeToUtf8Bytes(Provided(export), Json));
            Add(zip, "activity.json", JsonSerializer.SerializeToUtf8Bytes(export.Activity, Json));
            Add(zip, "person.csv", Csv(["field", "value"], PersonRows(export)));
            Add(zip, "activity.csv", Csv(
                ["membership", "day", "kind", "branch", "media", "category", "event", "minutes", "title"],
                export.Activity.Select(f => new[]
                {
                    f.MembershipId.ToString(), Day(f.Day), f.Kind.ToString(), f.Branch, f.Media, f.Category, f.Event,
                    f.Minutes?.ToString(CultureInfo.InvariantCulture), f.Title,
                })));
        }

        return buffer.ToArray();
    }

    public static byte[] InstructionJson(ErasureInstruction instruction) => JsonSerializer.SerializeToUtf8Bytes(instruction, Json);

    /// <summary>One row per thing to erase in the library system: <c>library;erased_at;kind;system;id</c>.</summary>
    public static byte[] InstructionCsv(ErasureInstruction instruction)
    {
        var at = instruction.ErasedAt.ToString("O", CultureInfo.InvariantCulture);
        return Csv(
            ["library", "erased_at", "kind", "system", "id"],
            [
                .. instruction.LibrarySystemIds.Select(i => new[] { instruction.Library, at, "borrower", i.System, i.Id }),
                .. instruction.CardNumbers.Select(c => new[] { instruction.Library, at, "card", "", c }),
            ]);
    }

    private static IEnumerable<string?[]> PersonRows(AccessExportDocument export)
    {
        var p = export.Person;
        yield return ["given_name", p.GivenName];
        yield return ["family_name", p.FamilyName];
        yield return ["birth_date", Day(p.BirthDate)];
        if (p.Address is { } a)
        {
            yield return ["street", a.Street];
            yield return ["postal_code", a.PostalCode];
            yield return ["city", a.City];
            yield return ["country", a.Country];
        }

        yield return ["preferred_language", p.PreferredLanguage.ToString()];
        foreach (var c in export.ContactPoints)
        {
            yield return [c.Kind.ToString().ToLowerInvariant(), c.Value];
        }
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static byte[] Csv(string[] header, IEnumerable<string?[]> rows)
    {
        var text = new StringBuilder();
        text.Append(CsvField.Row(header)).Append("\r\n");
        foreach (var row in rows)
        {
            text.Append(CsvField.Row(row)).Append("\r\n");
        }

        return [.. Utf8WithBom.GetPreamble(), .. Utf8WithBom.GetBytes(text.ToString())];
    }

    private static void Add(ZipArchive zip, string name, byte[] content)
    {
        using var entry = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        entry.Write(content);
    }
}
