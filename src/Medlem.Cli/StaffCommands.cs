using System.CommandLine;
using System.Security.Cryptography;
using Medlem.Core.Consortium;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Medlem.Cli;

/// <summary><c>medlem staff add</c>: create a staff account, e.g. the first administrator of a production installation.</summary>
internal static class StaffCommands
{
    public static Command Build()
    {
        var library = new Option<string>("--library") { Description = "Library code, e.g. stavanger", Required = true };
        var user = new Option<string>("--user") { Description = "User name (lower case)", Required = true };
        var name = new Option<string>("--name") { Description = "Display name", Required = true };
        var roles = new Option<StaffRoles[]>("--roles") { Description = "Desk, CustomerCare, Analyst, DataProtectionOfficer, Administrator", Required = true, AllowMultipleArgumentsPerToken = true };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the password from the first line of standard input (else one is generated and printed once)" };
        var add = new Command("add", "Create a staff account. The password is read from standard input with --password-stdin, or generated and printed once.");
        add.Options.Add(passwordStdin);
        add.Options.Add(library);
        add.Options.Add(user);
        add.Options.Add(name);
        add.Options.Add(roles);
        add.SetAction(async (parse, ct) =>
        {
            await using var services = CliHost.Services(parse);
            await using var scope = services.CreateAsyncScope();
            var db = scope.Db();
            var code = parse.GetValue(library)!.Trim().ToLowerInvariant();
            var target = await db.Libraries.SingleOrDefaultAsync(l => l.Code == code, ct);
            if (target is null)
            {
                await Console.Error.WriteLineAsync($"No library with code '{code}'.");
                return 1;
            }

            var userName = parse.GetValue(user)!.Trim().ToLowerInvariant();
            if (await db.StaffAccounts.AnyAsync(s => s.UserName == userName, ct))
            {
                await Console.Error.WriteLineAsync($"The user name '{userName}' is taken.");
                return 1;
            }

            // Only on request: a process whose standard input is an open pipe would otherwise wait for ever.
            var password = parse.GetValue(passwordStdin) ? (await Console.In.ReadLineAsync(ct))?.Trim() : null;
            var generated = string.IsNullOrEmpty(password);
            if (generated)
            {
                password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(15));
            }
            else if (password!.Length < 12)
            {
                await Console.Error.WriteLineAsync("A staff password needs at least 12 characters.");
                return 1;
            }

            var account = new StaffAccount
            {
                LibraryId = target.Id, UserName = userName, DisplayName = parse.GetValue(name)!.Trim(), PasswordHash = "",
                Roles = parse.GetValue(roles)!.Aggregate(StaffRoles.None, (all, r) => all | r),
            };
            account.PasswordHash = services.GetRequiredService<IPasswordHasher<StaffAccount>>().HashPassword(account, password!);
            db.StaffAccounts.Add(account);
            await db.SaveChangesAsync(ct);
            Console.WriteLine($"Created {userName} ({account.Roles}) in {target.Name}.");
            if (generated)
            {
                Console.WriteLine($"Password (shown once): {password}");
            }

            return 0;
        });

        var staff = new Command("staff", "Staff accounts.");
        staff.Options.Add(CliHost.Provider);
        staff.Options.Add(CliHost.Connection);
        staff.Subcommands.Add(add);
        return staff;
    }
}
