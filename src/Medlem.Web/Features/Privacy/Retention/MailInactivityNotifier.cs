using System.Globalization;
using Medlem.Core.Data;
using Medlem.Core.Members;
using Medlem.Core.Privacy.Retention;
using Medlem.Web.Infrastructure;
using Medlem.Web.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Web.Features.Privacy.Retention;

/// <summary>The notice to an inactive member, by e-mail to their verified address, in their language.</summary>
public sealed class MailInactivityNotifier(MedlemDbContext db, MemberMail mail, JsonTexts texts, RetentionOptions options) : IInactivityNotifier
{
    public async Task<bool> NotifyAsync(int libraryId, Guid personId, CancellationToken ct)
    {
        var person = await db.People.AsNoTracking().Include(p => p.ContactPoints).SingleAsync(p => p.Id == personId, ct);
        var address = person.ContactPoints.FirstOrDefault(c => c.Kind == ContactKind.Email && c.Verified)?.Value;
        if (address is null)
        {
            return false;
        }

        var library = await db.Libraries.AsNoTracking().SingleAsync(l => l.Id == libraryId, ct);
        var policy = options.For(library.Code);
        var culture = person.PreferredLanguage == PreferredLanguage.En ? CultureInfo.GetCultureInfo("en") : CultureInfo.GetCultureInfo("nb-NO");
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            await mail.SendAsync(
                new MemberMessage(personId, libraryId, IInactivityNotifier.Template, address,
                    texts["mail.inactive.subject", library.Name],
                    texts["mail.inactive.body", person.GivenName, library.Name, policy.InactiveYears, policy.InactiveNoticeDays]),
                ct);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }

        return true;
    }
}
