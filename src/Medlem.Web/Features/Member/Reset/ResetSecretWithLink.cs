using Medlem.Core;
using Medlem.Core.Data;
using Medlem.Core.Members.Accounts;
using Medlem.Core.Members.SignUp;
using Medlem.Web.Features.Member.Login;

namespace Medlem.Web.Features.Member.Reset;

/// <summary>
/// Follows a ResetSecret link: a new PIN, a new password, or both (<see cref="MemberCredentials"/>'
/// rules), the link used up, the person's other reset links closed and any lockout ended — in one
/// transaction. A bad link, or a member signed in as someone else, changes nothing.
/// </summary>
public sealed class ResetSecretWithLink(MedlemDbContext db, MemberCredentials credentials, TimeProvider clock)
{
    /// <summary>Whether the link works, and whose it is (their given name), without using it.</summary>
    public async Task<(LinkProblem Problem, string? GivenName)> CheckAsync(string? token, Guid? signedInPersonId, CancellationToken ct)
    {
        var (link, problem) = await FindAsync(token, signedInPersonId, ct);
        if (problem != LinkProblem.None)
        {
            return (problem, null);
        }

        var person = await db.People.FindAsync([link!.PersonId], ct);
        return (LinkProblem.None, person?.GivenName);
    }

    public async Task<(LinkProblem Problem, ValidationErrors Errors)> RunAsync(
        string? token, Guid? signedInPersonId, string? pin, string? password, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var (link, problem) = await FindAsync(token, signedInPersonId, ct);
        if (problem != LinkProblem.None)
        {
            return (problem, errors);
        }

        pin = string.IsNullOrWhiteSpace(pin) ? null : pin.Trim();
        password = string.IsNullOrEmpty(password) ? null : password;
        if (pin is null && password is null)
        {
            errors.Add("Pin", "join.reset.choose");
        }

        if (pin is not null && !MemberCredentials.IsValidPin(pin))
        {
            errors.Add("Pin", "member.pin.rule");
        }

        if (password is not null && !MemberCredentials.IsValidPassword(password))
        {
            errors.Add("Password", "member.password.rule");
        }

        if (!errors.IsEmpty)
        {
            return (LinkProblem.None, errors);
        }

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        link!.UsedAt = now;
        await MemberLinkTokens.CloseOthersAsync(db, link, now, ct);
        // Each call saves (with the link above); the transaction makes link and secrets one change.
        if (pin is not null)
        {
            await credentials.SetPinAsync(link.PersonId, pin, ct);
        }

        if (password is not null)
        {
            await credentials.SetPasswordAsync(link.PersonId, password, ct);
        }

        await transaction.CommitAsync(ct);
        return (LinkProblem.None, errors);
    }

    private async Task<(MemberLink? Link, LinkProblem Problem)> FindAsync(string? token, Guid? signedInPersonId, CancellationToken ct)
    {
        var (link, problem) = await MemberLinkTokens.FindAsync(db, token, MemberLinkPurpose.ResetSecret, clock.GetUtcNow(), ct);
        if (problem == LinkProblem.None && signedInPersonId is { } signedIn && signedIn != link!.PersonId)
        {
            return (null, LinkProblem.OtherPerson);
        }

        return (link, problem);
    }
}
