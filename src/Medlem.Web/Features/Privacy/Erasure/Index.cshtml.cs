using System.Globalization;
using Medlem.Core.Members;
using Medlem.Core.Privacy.Erasure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Medlem.Web.Infrastructure;
using Microsoft.Extensions.Localization;

namespace Medlem.Web.Features.Privacy.Erasure;

/// <summary>
/// Erasing a member: a confirmation page, then the erasure, whose answer is the instruction for the
/// library system as a file (CSV or JSON). The file is the only copy: Medlem no longer knows those ids.
/// </summary>
public sealed class IndexModel(GetMember get, ErasePerson erasure, TimeProvider clock, IStringLocalizer<Program> texts, ILogger<IndexModel> log) : PageModel
{
    public MemberView Member { get; private set; } = null!;

    public IReadOnlyList<ErasureHoldReason> Holds { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, bool confirm, string? format, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!confirm)
        {
            ModelState.AddModelError("confirm", texts["erasure.confirm-required"]);
            return Page();
        }

        var outcome = await erasure.RunAsync(HttpContext.Staff().LibraryId, id, ct);
        if (outcome.Status == ErasureStatus.NotFound)
        {
            return NotFound();
        }

        if (outcome.Status == ErasureStatus.Held)
        {
            Holds = outcome.Holds;
            return Page();
        }

        var result = outcome.Result!;
        Features.Privacy.ErasureLog.Done(log, result);
        var name = $"sletting-{result.Instruction.Library}-{clock.GetLocalNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
        return format == "json"
            ? File(PrivacyFiles.InstructionJson(result.Instruction), PrivacyFiles.JsonType, name + ".json")
            : File(PrivacyFiles.InstructionCsv(result.Instruction), PrivacyFiles.CsvType, name + ".csv");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var member = await get.RunAsync(HttpContext.Staff().LibraryId, id, ct);
        Member = member!;
        return member is not null && member.Memberships.Count > 0;
    }
}
