using System.Globalization;
using Medlem.Core.Privacy.Access;
using Medlem.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Medlem.Web.Features.Privacy.Access;

/// <summary>
/// The access export of a member as a readable page, with the JSON (art. 15) and the portability
/// package (art. 20) to download. Staff of another library get 404 (the person is not theirs to see).
/// </summary>
public sealed class IndexModel(AccessExport export, TimeProvider clock) : PageModel
{
    /// <summary>Facts shown on the page; the downloads hold them all.</summary>
    public const int FactsShown = 200;

    public AccessExportDocument Export { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetJsonAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? File(PrivacyFiles.ExportJson(Export), PrivacyFiles.JsonType, FileName("innsyn", "json")) : NotFound();

    public async Task<IActionResult> OnGetPortabilityAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? File(PrivacyFiles.PortabilityZip(Export), PrivacyFiles.ZipType, FileName("dataportabilitet", "zip")) : NotFound();

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var document = await export.RunAsync(HttpContext.Staff().LibraryId, id, ct);
        Export = document!;
        return document is not null;
    }

    /// <summary>No name in the file name: it ends up in download folders and mail attachments.</summary>
    private string FileName(string what, string extension) =>
        $"{what}-{clock.GetLocalNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.{extension}";
}
