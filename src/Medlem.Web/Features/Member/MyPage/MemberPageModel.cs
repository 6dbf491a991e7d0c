using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Medlem.Web.Features.Member.MyPage;

/// <summary>
/// A page of "Min side". The member policy has already required a member sign-in, so the
/// principal is there; its person id is the only id of a person these pages ever act on.
/// </summary>
public abstract class MemberPageModel : PageModel
{
    protected MemberPrincipal Member => MemberPrincipal.From(User)
        ?? throw new InvalidOperationException("A member page was reached without a member sign-in.");

    /// <summary>The reader's language for texts held in Core (consent texts, type names): "nb" or "en".</summary>
    public static string Language => System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "nb";
}
