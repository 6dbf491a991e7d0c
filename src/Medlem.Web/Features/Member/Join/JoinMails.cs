using System.Globalization;
using Medlem.Core.Members;
using Medlem.Core.Members.SignUp;
using Medlem.Web.Infrastructure;
using Medlem.Web.Infrastructure.Mail;
using Microsoft.Extensions.Localization;

namespace Medlem.Web.Features.Member.Join;

/// <summary>The kinds of member mail of sign-up and reset, as recorded in <c>SentMessage.Template</c>.</summary>
public static class MailKinds
{
    public const string ConfirmEmail = "confirm-email";
    public const string GuardianApproval = "guardian-approval";
    public const string AlreadyMember = "already-member";
    public const string ResetSecret = "reset-secret";
}

/// <summary>
/// Writes the sign-up and reset mails in the member's own language (Bokmål, or English) with
/// absolute links, and puts them in the outbox (<see cref="MemberMailOutbox"/>).
/// </summary>
public sealed class JoinMails(MemberMailOutbox outbox, MemberLinkUrls urls, IStringLocalizer<Program> texts)
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    public void ConfirmEmail(HttpRequest request, Guid personId, int libraryId, string libraryName, string givenName, PreferredLanguage language, IssuedLink link) =>
        Send(new MemberMessage(personId, libraryId, MailKinds.ConfirmEmail, link.SentTo,
            Text(language, "join.mail.confirm.subject", libraryName),
            Text(language, "join.mail.confirm.body", givenName, libraryName, urls.To(request, MemberLinkUrls.ConfirmEmailPath, link.Token))));

    /// <summary>To the guardian the child named; recorded under the child, whose sign-up it is.</summary>
    public void GuardianApproval(HttpRequest request, SignUpResult child, IssuedLink link) =>
        Send(new MemberMessage(child.PersonId, child.LibraryId, MailKinds.GuardianApproval, link.SentTo,
            Text(child.Language, "join.mail.guardian.subject", child.GivenName, child.LibraryName),
            Text(child.Language, "join.mail.guardian.body", $"{child.GivenName} {child.FamilyName}", child.LibraryName,
                child.BirthYear.ToString(CultureInfo.InvariantCulture), urls.To(request, MemberLinkUrls.GuardianApprovalPath, link.Token))));

    /// <summary>The answer to a sign-up with an address already confirmed for a member: how to sign in instead.</summary>
    public void AlreadyMember(HttpRequest request, Guid personId, int libraryId, string libraryName, string givenName, PreferredLanguage language, string address) =>
        Send(new MemberMessage(personId, libraryId, MailKinds.AlreadyMember, address,
            Text(language, "join.mail.already.subject", libraryName),
            Text(language, "join.mail.already.body", givenName, libraryName,
                urls.To(request, MemberLinkUrls.LoginPath), urls.To(request, MemberLinkUrls.ForgotPath))));

    public void ResetSecret(HttpRequest request, IssuedReset reset) =>
        Send(new MemberMessage(reset.PersonId, reset.LibraryId, MailKinds.ResetSecret, reset.Link.SentTo,
            Text(reset.Language, "join.mail.reset.subject", reset.LibraryName),
            Text(reset.Language, "join.mail.reset.body", reset.GivenName, reset.LibraryName, urls.To(request, MemberLinkUrls.ResetSecretPath, reset.Link.Token))));

    private void Send(MemberMessage message) => _ = outbox.TryEnqueue(message);

    /// <summary>A text in the member's language, whatever language the page is shown in.</summary>
    private string Text(PreferredLanguage language, string key, params object[] arguments)
    {
        var page = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = language == PreferredLanguage.En ? English : LocalizationSetup.Norwegian;
        try
        {
            return texts[key, arguments].Value;
        }
        finally
        {
            CultureInfo.CurrentUICulture = page;
        }
    }
}
