using Medlem.Core.Activity;
using Medlem.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Web.Features.Imports;

/// <summary>
/// Uploaded files kept so that an import that failed or was interrupted can be run again without
/// uploading the file a second time. An export holds personal data (card numbers, borrower ids),
/// so a file is kept only while its run is not completed: it is deleted when its run completes,
/// when staff discard it, or when a re-run takes it over (the re-run's run then owns it).
/// <para>
/// A file is named after its run's idempotency key (<c>web:&lt;guid&gt;</c>), not its run id: the
/// importer creates the run only once it has the file, and an import interrupted half way leaves
/// no run id behind, but the key is on the run from its first save.
/// </para>
/// </summary>
public sealed class KeptUploads(string directory)
{
    private const string KeyPrefix = "web:";
    private const string UploadExtension = ".upload";
    private const string ProfileExtension = ".profile.json";

    /// <summary>A file no run ever claimed (the process stopped between upload and import) is removed after this.</summary>
    private static readonly TimeSpan OrphanAge = TimeSpan.FromDays(1);

    public string Directory { get; } = directory;

    public static string NewKey() => KeyPrefix + Guid.NewGuid().ToString("N");

    public bool IsKept(ImportRun run) => Name(run.IdempotencyKey) is { } name && File.Exists(UploadPath(name));

    /// <summary>A new file for an upload, readable and writable by this process's user only.</summary>
    public FileStream Create(string key)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Options = FileOptions.Asynchronous | FileOptions.SequentialScan,
            BufferSize = 1 << 16,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return new FileStream(UploadPath(RequiredName(key)), options);
    }

    /// <summary>Opens a kept file for its import; it may be deleted meanwhile (the sweep after the import runs before the page lets go of it).</summary>
    public Stream OpenRead(string key) =>
        new FileStream(UploadPath(RequiredName(key)), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1 << 16, FileOptions.SequentialScan);

    public async Task SaveProfileAsync(string key, string json, CancellationToken ct) =>
        await File.WriteAllTextAsync(ProfilePath(RequiredName(key)), json, ct);

    public async Task<string?> ReadProfileAsync(string key, CancellationToken ct)
    {
        var path = ProfilePath(RequiredName(key));
        return File.Exists(path) ? await File.ReadAllTextAsync(path, ct) : null;
    }

    /// <summary>Hands a kept file (and its profile) to another key; false when it is gone, or another re-run took it first.</summary>
    public bool TryMove(string fromKey, string toKey)
    {
        var (from, to) = (RequiredName(fromKey), RequiredName(toKey));
        try
        {
            File.Move(UploadPath(from), UploadPath(to));
        }
        catch (FileNotFoundException)
        {
            return false;
        }

        if (File.Exists(ProfilePath(from)))
        {
            File.Move(ProfilePath(from), ProfilePath(to));
        }

        return true;
    }

    public void Delete(string? key)
    {
        if (Name(key) is { } name && System.IO.Directory.Exists(Directory))
        {
            File.Delete(UploadPath(name));
            File.Delete(ProfilePath(name));
        }
    }

    /// <summary>
    /// Deletes the files whose run has completed (also runs the importer found committed when it
    /// recovered them, or that the command line completed) and files no run claimed for a day.
    /// </summary>
    public async Task SweepAsync(MedlemDbContext db, CancellationToken ct)
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            return;
        }

        var files = System.IO.Directory.EnumerateFiles(Directory, "*" + UploadExtension)
            .Select(path => (Path: path, Key: KeyPrefix + Path.GetFileNameWithoutExtension(path)))
            .Where(file => Name(file.Key) is not null)
            .ToList();
        if (files.Count == 0)
        {
            return;
        }

        var keys = files.Select(f => f.Key).ToList();
        var states = await db.ImportRuns.AsNoTracking()
            .Where(r => r.IdempotencyKey != null && keys.Contains(r.IdempotencyKey))
            .Select(r => new { r.IdempotencyKey, r.State })
            .ToDictionaryAsync(r => r.IdempotencyKey!, r => r.State, ct);
        foreach (var (path, key) in files)
        {
            var completed = states.TryGetValue(key, out var state) && state == ImportState.Completed;
            // The file system's clock wrote the time, so the file system's clock judges its age.
            var orphaned = !states.ContainsKey(key) && TimeProvider.System.GetUtcNow() - File.GetLastWriteTimeUtc(path) > OrphanAge;
            if (completed || orphaned)
            {
                Delete(key);
            }
        }
    }

    /// <summary>The file name a key stands for; null for keys that are not an upload's (the API's, the command line's).</summary>
    private static string? Name(string? key) =>
        key is not null && key.StartsWith(KeyPrefix, StringComparison.Ordinal) && Guid.TryParseExact(key.AsSpan(KeyPrefix.Length), "N", out var id)
            ? id.ToString("N")
            : null;

    private static string RequiredName(string key) => Name(key) ?? throw new ArgumentException("Not an upload's key.", nameof(key));

    private string UploadPath(string name) => Path.Combine(Directory, name + UploadExtension);

    private string ProfilePath(string name) => Path.Combine(Directory, name + ProfileExtension);
}
