using Microsoft.AspNetCore.Authentication;

namespace Medlem.Web.Features.Member.ElectronicId;

/// <summary>
/// The member signed in, on a page open to strangers too. Such pages get the default (staff)
/// sign-in as <c>User</c>; this reads the member cookie and, when a member is signed in, makes
/// them the page's user, so the layout shows them as on every other member page.
/// </summary>
public static class MemberSession
{
    public static async Task<MemberPrincipal?> ReadAsync(HttpContext http)
    {
        var session = await http.AuthenticateAsync(MemberPrincipal.Scheme);
        var member = session.Succeeded ? MemberPrincipal.From(session.Principal!) : null;
        if (member is not null)
        {
            http.User = session.Principal!;
        }

        return member;
    }
}
