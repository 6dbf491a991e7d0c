using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Medlem.Web.Features.Member.ElectronicId;

/// <summary>Electronic ID worked, but nobody in the register holds the number: an offer to join, and nobody signed in or created.</summary>
[AllowAnonymous]
public sealed class UnknownModel(ElectronicIdOptions settings) : PageModel
{
    public IActionResult OnGet() => settings.IsConfigured ? Page() : NotFound();
}
