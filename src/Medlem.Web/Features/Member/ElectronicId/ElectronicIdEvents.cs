using Medlem.Core.Members;
using Medlem.Core.Members.ElectronicId;
using Medlem.Core.Members.Guardians;
using Medlem.Web.Features.Member.Guardian;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Medlem.Web.Features.Member.ElectronicId;

/// <summary>
/// What happens when the provider sends someone back. The handler has already checked the state,
/// the code exchange (with PKCE), and the ID token's signature, issuer, audience, lifetime and
/// nonce; a token that fails any of these never gets here (<see cref="RemoteFailure"/>). Here the
/// national identity number is read and the register consulted: an upgrade, a sign-in, or a
/// guardian's approval; or a readable refusal, with nobody signed in and nothing changed. The
/// log records the purpose and the outcome's code only: never a number, a subject or a name.
/// </summary>
public sealed partial class ElectronicIdEvents(
    ElectronicIdOptions settings,
    MemberRules rules,
    ElectronicIdSubjects subjects,
    UpgradeWithElectronicId upgrade,
    SignInWithElectronicId signIn,
    ApproveChild approveChild,
    ILogger<ElectronicIdEvents> log) : OpenIdConnectEvents
{
    public override Task RedirectToIdentityProvider(RedirectContext context)
    {
        if (!string.IsNullOrWhiteSpace(settings.AcrValues))
        {
            context.ProtocolMessage.AcrValues = settings.AcrValues;
        }

        return Task.CompletedTask;
    }

    public override async Task TokenValidated(TokenValidatedContext context)
    {
        var properties = context.Properties!;
        var purpose = ElectronicIdChallenge.PurposeOf(properties);
        var token = context.Principal!;
        var subject = token.FindFirst("sub")?.Value;
        var issuer = token.FindFirst("iss")?.Value ?? settings.Authority!;
        if (string.IsNullOrEmpty(subject))
        {
            Refuse(context, purpose, ElectronicIdRefusal.PidMissing.Code());
            return;
        }

        // A missing or invalid number is refused before anything, even the subject's key, is touched.
        var pid = token.FindFirst(settings.PidClaim)?.Value;
        if (ElectronicIdentity.RefusalOf(pid, rules.AllowSyntheticNationalIdentityNumbers) is { } refusal)
        {
            Refuse(context, purpose, refusal.Code());
            return;
        }

        var ct = context.HttpContext.RequestAborted;
        var identity = ElectronicIdentity.Read(pid, await subjects.HashAsync(issuer, subject, ct), rules.AllowSyntheticNationalIdentityNumbers).Identity!;

        switch (purpose)
        {
            case ElectronicIdPurpose.Upgrade:
                await UpgradeAsync(context, identity, ct);
                break;
            case ElectronicIdPurpose.GuardianApproval:
                await ApproveChildAsync(context, identity, ct);
                break;
            default:
                await SignInAsync(context, identity, ct);
                break;
        }
    }

    /// <summary>A token the handler refused (bad signature, wrong audience, expired), a broken round trip, or a provider error.</summary>
    public override Task RemoteFailure(RemoteFailureContext context)
    {
        var tokenRefused = Chain(context.Failure).Any(e => e is SecurityTokenException);
        var code = tokenRefused ? "eid.token-refused" : "eid.failed";
        LogOutcome(ElectronicIdChallenge.PurposeOf(context.Properties ?? new()), code + " " + (Chain(context.Failure).LastOrDefault()?.GetType().Name ?? "-"));
        context.HandleResponse();
        context.Response.Redirect(ElectronicIdPaths.FailedWith(code));
        return Task.CompletedTask;
    }

    /// <summary>The person cancelled at the provider.</summary>
    public override Task AccessDenied(AccessDeniedContext context)
    {
        LogOutcome(ElectronicIdChallenge.PurposeOf(context.Properties ?? new()), "eid.cancelled");
        context.HandleResponse();
        context.Response.Redirect(ElectronicIdPaths.FailedWith("eid.cancelled"));
        return Task.CompletedTask;
    }

    private async Task UpgradeAsync(TokenValidatedContext context, ElectronicIdentity identity, CancellationToken ct)
    {
        // The member who started the upgrade must still be the one signed in on return.
        var session = await context.HttpContext.AuthenticateAsync(MemberPrincipal.Scheme);
        var member = session.Succeeded ? MemberPrincipal.From(session.Principal!) : null;
        if (member is null || member.PersonId != ElectronicIdChallenge.PersonOf(context.Properties!))
        {
            Refuse(context, ElectronicIdPurpose.Upgrade, "eid.session-ended");
            return;
        }

        if (await upgrade.RunAsync(member.PersonId, identity, ct) is { } refusal)
        {
            Refuse(context, ElectronicIdPurpose.Upgrade, refusal.Code());
            return;
        }

        Accept(context, ElectronicIdPurpose.Upgrade, member with { Method = MemberSignInMethod.ElectronicId }, ElectronicIdPaths.Confirmed);
    }

    private async Task SignInAsync(TokenValidatedContext context, ElectronicIdentity identity, CancellationToken ct)
    {
        var result = await signIn.RunAsync(identity, ct);
        if (result.Refusal is { } refusal)
        {
            Refuse(context, ElectronicIdPurpose.SignIn, refusal.Code());
            return;
        }

        if (result.Person is not { } person)
        {
            // Nobody holds the number: offer to join; create no one.
            LogOutcome(ElectronicIdPurpose.SignIn, "unknown-number");
            context.HandleResponse();
            context.Response.Redirect(ElectronicIdPaths.Unknown);
            return;
        }

        var requested = context.Properties!.RedirectUri;
        var landing = requested is not null && requested != MemberPrincipal.HomePath && IsLocal(requested)
            ? requested
            : !person.HasMembership && person.IsGuardian ? GuardianPaths.Home : MemberPrincipal.HomePath;
        Accept(context, ElectronicIdPurpose.SignIn, new MemberPrincipal(person.PersonId, person.GivenName, MemberSignInMethod.ElectronicId), landing);
    }

    private async Task ApproveChildAsync(TokenValidatedContext context, ElectronicIdentity identity, CancellationToken ct)
    {
        if (ElectronicIdChallenge.GuardianOf(context.Properties!) is not { } guardian)
        {
            Refuse(context, ElectronicIdPurpose.GuardianApproval, "eid.failed");
            return;
        }

        var outcome = await approveChild.WithElectronicIdAsync(
            guardian.LinkId, guardian.MembershipId, identity, new GuardianInput(guardian.GivenName, guardian.FamilyName, null, HasParentalResponsibility: true), ct);
        if (!outcome.Succeeded)
        {
            Refuse(context, ElectronicIdPurpose.GuardianApproval, outcome.Errors.ByField.Values.First()[0]);
            return;
        }

        var approver = outcome.Value!;
        Accept(context, ElectronicIdPurpose.GuardianApproval, new MemberPrincipal(approver.PersonId, approver.GivenName, MemberSignInMethod.ElectronicId), GuardianPaths.ApprovedFor(guardian.MembershipId));
    }

    private void Accept(TokenValidatedContext context, ElectronicIdPurpose purpose, MemberPrincipal member, string landing)
    {
        LogOutcome(purpose, "accepted");

        // The member cookie gets our principal, not the provider's claims (the number stays out of it).
        context.Principal = member.ToClaims();
        ElectronicIdChallenge.Clear(context.Properties!);
        context.Properties!.RedirectUri = landing;
    }

    private void Refuse(TokenValidatedContext context, ElectronicIdPurpose purpose, string code)
    {
        LogOutcome(purpose, code);
        context.HandleResponse();
        context.Response.Redirect(ElectronicIdPaths.FailedWith(code));
    }

    private static bool IsLocal(string url) => url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);

    private static IEnumerable<Exception> Chain(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Electronic ID {Purpose}: {Outcome}")]
    private partial void LogOutcome(ElectronicIdPurpose purpose, string outcome);
}
