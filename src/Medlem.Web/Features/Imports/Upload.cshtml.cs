using Medlem.Core.Activity;
using Medlem.Core.Activity.Importing;
using Medlem.Core.Activity.Reading;
using Medlem.Core.Data;
using Medlem.Web.Infrastructure;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Medlem.Web.Features.Imports;

/// <summary>
/// Upload an export and import it into the staff member's library. The file streams to disk
/// (<see cref="UploadForm"/>) and is kept there until its import completes, so a failed import
/// can be run again (<see cref="KeptUploads"/>).
/// </summary>
[IgnoreAntiforgeryToken] // Checked by UploadForm when the token's part arrives, before the file.
[RequestSizeLimit(UploadForm.MaxUploadBytes)]
public sealed class UploadModel(
    MedlemDbContext db, ImportRunner runner, KeptUploads kept, IAntiforgery antiforgery, IOptions<AntiforgeryOptions> antiforgeryOptions,
    IStringLocalizer<Program> texts) : PageModel
{
    public string Kind { get; private set; } = ImportKind.Loans.Name();

    public string Format { get; private set; } = ImportFormats.Name(ImportFormat.Medlem);

    [TempData] public string? Message { get; set; }

    public void OnGet()
    {
    }

    /// <summary>
    /// Takes no parameters on purpose: binding any (even a cancellation token) makes Razor Pages
    /// set up its form value provider, which reads and buffers the whole form first.
    /// </summary>
    public async Task<IActionResult> OnPostAsync()
    {
        var ct = HttpContext.RequestAborted;
        var staff = HttpContext.Staff();
        var key = KeptUploads.NewKey();
        UploadForm? form;
        try
        {
            form = await UploadForm.ReadAsync(HttpContext, antiforgery, antiforgeryOptions.Value, () => kept.Create(key), ct);
        }
        catch (BadHttpRequestException ex)
        {
            kept.Delete(key);
            return StatusCode(ex.StatusCode);
        }
        catch
        {
            kept.Delete(key);
            throw;
        }

        if (form is null)
        {
            kept.Delete(key);
            return BadRequest();
        }

        if (Check(form) is not { } choice)
        {
            kept.Delete(key);
            return Page();
        }

        if (form.ProfileJson is { } json)
        {
            await kept.SaveProfileAsync(key, json, ct);
        }

        await using var content = kept.OpenRead(key);
        var run = await runner.RunAsync(new ImportRequest
        {
            LibraryId = staff.LibraryId,
            Kind = choice.Kind,
            Format = choice.Format,
            Content = content,
            FileName = form.FileName!,
            Channel = ImportChannels.Web,
            RunBy = await db.UserNameAsync(staff, ct),
            Profile = choice.Profile,
            IdempotencyKey = key,
        });
        Message = texts["import.done.uploaded"];
        return RedirectToPage("Details", new { id = run.Id });
    }

    /// <summary>What the form asks for, or null with the form's errors in the model state.</summary>
    private (ImportKind Kind, ImportFormat Format, MappingProfile? Profile)? Check(UploadForm form)
    {
        (Kind, Format) = (form.Kind ?? Kind, form.Format ?? Format);
        if (!ImportKinds.TryParse(form.Kind, out var kind))
        {
            ModelState.AddModelError("Kind", texts["import.form.kind"]);
        }

        if (!ImportFormats.TryParse(form.Format, out var format))
        {
            ModelState.AddModelError("Format", texts["import.form.format"]);
        }

        if (form.FileName is null)
        {
            ModelState.AddModelError("File", texts["import.form.file-required"]);
        }

        var profile = CheckProfile(form);
        return ModelState.IsValid ? (kind, format, profile) : null;
    }

    private MappingProfile? CheckProfile(UploadForm form)
    {
        if (form.ProfileTooLarge)
        {
            ModelState.AddModelError("Profile", texts["import.form.profile-too-large"]);
            return null;
        }

        if (form.ProfileJson is not { } json)
        {
            return null;
        }

        try
        {
            return MappingProfile.Parse(json);
        }
        catch (ImportFileException ex) when (ex.Reason == ImportReasons.ProfileTimeZone)
        {
            ModelState.AddModelError("Profile", texts["import.form.time-zone"]);
            return null;
        }
        catch (ImportFileException ex)
        {
            ModelState.AddModelError("Profile", ImportTexts.Failure(texts, ex.Message)!);
            return null;
        }
    }
}
