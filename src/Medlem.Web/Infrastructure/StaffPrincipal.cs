using System.Globalization;
using System.Security.Claims;
using Medlem.Core.Consortium;
using Medlem.Core.Privacy.Audit;

namespace Medlem.Web.Infrastructure;

/// <summary>The signed-in staff member: who, which library, which roles. Read from the cookie's claims.</summary>
public sealed record StaffPrincipal(int StaffId, int LibraryId, StaffRoles Roles, string DisplayName)
{
    public const string Scheme = "Staff";
    public const string LibraryClaim = "medlem:library";
    public const string RolesClaim = "medlem:roles";

    public bool Has(StaffRoles role) => (Roles & role) != 0;

    /// <summary>Who the audit trail names when this staff member reads a member.</summary>
    public AuditActor Actor => new(LibraryId, StaffId);

    public static StaffPrincipal? From(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true
            || !int.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), CultureInfo.InvariantCulture, out var staffId)
            || !int.TryParse(user.FindFirstValue(LibraryClaim), CultureInfo.InvariantCulture, out var libraryId)
            || !Enum.TryParse<StaffRoles>(user.FindFirstValue(RolesClaim), out var roles))
        {
            return null;
        }

        return new StaffPrincipal(staffId, libraryId, roles, user.FindFirstValue(ClaimTypes.Name) ?? "");
    }

    public static ClaimsPrincipal ToClaims(StaffAccount account)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, account.Id.ToString(CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, account.DisplayName),
            new(LibraryClaim, account.LibraryId.ToString(CultureInfo.InvariantCulture)),
            new(RolesClaim, ((int)account.Roles).ToString(CultureInfo.InvariantCulture)),
        };
        claims.AddRange(Enum.GetValues<StaffRoles>()
            .Where(r => r != StaffRoles.None && account.Roles.HasFlag(r))
            .Select(r => new Claim(ClaimTypes.Role, r.ToString())));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme));
    }
}

/// <summary>
/// The authorisation policies. Reading identified members is for the desk, customer care and
/// the data protection officer; analysts see aggregates only; administrators configure the
/// library but do not, by their role alone, read members (data minimisation). Imports of
/// activity are run by analysts (whose figures they feed) and administrators (who connect the
/// library's systems). Insight (aggregates of the library and the consortium, counts under k
/// hidden) is for analysts, whose work it is, and administrators, who answer for the library's
/// figures; desk and customer care work with identified members and the data protection officer
/// audits, so none of them needs the dashboard for their role. The data map and the record of
/// processing are for the data protection officer and administrators, who answer for the library
/// as controller; data-subject requests (access, portability, erasure and the others) are
/// received and handled by the desk, customer care and the data protection officer, who meet the
/// members, for the members of their own library; the audit trail of staff reads
/// and the register of breaches (<see cref="ViewAudit"/>) are for the data protection officer alone.
/// Checking a member's digital card (<see cref="VerifyCards"/>) is for the desk and customer care,
/// who serve the member in person.
/// </summary>
public static class StaffPolicies
{
    public const string AnyStaff = nameof(AnyStaff);
    public const string ReadMembers = nameof(ReadMembers);
    public const string WriteMembers = nameof(WriteMembers);
    public const string Administer = nameof(Administer);
    public const string RunImports = nameof(RunImports);
    public const string ViewInsight = nameof(ViewInsight);
    public const string ViewDataMap = nameof(ViewDataMap);
    public const string HandlePrivacyRequests = nameof(HandlePrivacyRequests);
    public const string ViewAudit = nameof(ViewAudit);
    public const string VerifyCards = nameof(VerifyCards);

    public static readonly IReadOnlyDictionary<string, StaffRoles> Roles = new Dictionary<string, StaffRoles>
    {
        [AnyStaff] = StaffRoles.Desk | StaffRoles.CustomerCare | StaffRoles.Analyst | StaffRoles.DataProtectionOfficer | StaffRoles.Administrator,
        [ReadMembers] = StaffRoles.Desk | StaffRoles.CustomerCare | StaffRoles.DataProtectionOfficer,
        [WriteMembers] = StaffRoles.Desk | StaffRoles.CustomerCare,
        [Administer] = StaffRoles.Administrator,
        [RunImports] = StaffRoles.Analyst | StaffRoles.Administrator,
        [ViewInsight] = StaffRoles.Analyst | StaffRoles.Administrator,
        [ViewDataMap] = StaffRoles.DataProtectionOfficer | StaffRoles.Administrator,
        [HandlePrivacyRequests] = StaffRoles.Desk | StaffRoles.CustomerCare | StaffRoles.DataProtectionOfficer,
        [ViewAudit] = StaffRoles.DataProtectionOfficer,
        [VerifyCards] = StaffRoles.Desk | StaffRoles.CustomerCare,
    };

    public static Microsoft.AspNetCore.Authorization.AuthorizationBuilder AddStaffAuthorization(this IServiceCollection services)
    {
        var builder = services.AddAuthorizationBuilder();
        builder.AddPolicies();
        return builder;
    }

    private static void AddPolicies(this Microsoft.AspNetCore.Authorization.AuthorizationBuilder builder)
    {
        foreach (var (name, roles) in Roles)
        {
            builder.AddPolicy(name, policy => policy
                .AddAuthenticationSchemes(StaffPrincipal.Scheme)
                .RequireAuthenticatedUser()
                .RequireAssertion(context => StaffPrincipal.From(context.User) is { } staff && (staff.Roles & roles) != 0));
        }
    }
}
