using Medlem.Core.Data;
using Medlem.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Web.Features.Imports;

public static class StaffUserNames
{
    /// <summary>The signed-in staff member's user name, which runs and keys record (the cookie carries only the display name).</summary>
    public static Task<string> UserNameAsync(this MedlemDbContext db, StaffPrincipal staff, CancellationToken ct) =>
        db.StaffAccounts.Where(s => s.Id == staff.StaffId).Select(s => s.UserName).SingleAsync(ct);
}
