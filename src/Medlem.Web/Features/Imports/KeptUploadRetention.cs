using Medlem.Core.Data;
using Medlem.Core.Privacy.Retention;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Web.Features.Imports;

/// <summary>
/// Raw identifiers (card numbers, device ids) exist in Medlem only inside upload files kept for a
/// re-run of a failed import: a library's kept files are deleted when their run started more than
/// <see cref="RetentionPolicy.RawIdentifierDays"/> days ago, whatever became of it.
/// </summary>
public sealed class KeptUploadRetention(MedlemDbContext db, KeptUploads uploads) : IRetentionRule
{
    public string Key => "raw-identifiers";

    public async Task<long> ApplyAsync(RetentionScope scope, CancellationToken ct)
    {
        var before = scope.Now.AddDays(-scope.Policy.RawIdentifierDays);
        var runs = await db.ImportRuns.AsNoTracking()
            .Where(r => r.LibraryId == scope.Library.Id && r.IdempotencyKey != null)
            .ToListAsync(ct);
        var kept = runs.Where(r => r.StartedAt < before && uploads.IsKept(r)).ToList(); // instants compared here: SQLite cannot
        if (!scope.DryRun)
        {
            foreach (var run in kept)
            {
                uploads.Delete(run.IdempotencyKey);
            }
        }

        return kept.Count;
    }
}
