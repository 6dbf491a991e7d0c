using Medlem.Core.Consortium;
using Medlem.Core.Data;
using Medlem.Core.Members.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Core.Members.SignUp;

/// <summary>
/// "Digital membership in a minute": a person with only an e-mail address joins a city library
/// as a digital member. Stores, in one transaction, the person (birth year only), the address
/// (unverified), a pending DIGITAL membership with a card number, the account with the password's
/// hash, and a link that confirms the address; for a child of 13 or 14, also a link for the
/// guardian to approve. Nothing at all is stored when anything is invalid.
/// </summary>
/// <remarks>
/// Age rules (the birth year counts as 31 December, so a doubtful case is treated as the younger
/// age): below the DIGITAL type's minimum age (13) the sign-up is refused, since a guardian must
/// sign a child up at the library or with electronic ID; below
/// <see cref="MembershipStatusRules.GuardianApprovalBelowAge"/> (15) the guardian's address is
/// required and the membership waits for their approval. An address already confirmed for a
/// member of the same library makes no new person (<see cref="SignUpKind.AlreadyMember"/>).
/// Callers mail the links (the tokens are in the result only) and MUST rate-limit the form.
/// </remarks>
public sealed class SignUpDigitalMember(MedlemDbContext db, MemberRules rules, TimeProvider clock, IMemberPasswordHashing passwords)
{
    public async Task<Outcome<SignUpResult>> RunAsync(SignUpInput input, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(clock.GetLocalNow().Date);
        var errors = new ValidationErrors();
        var fields = SignUpValidator.Validate(input, rules, today, passwords, errors);
        var (library, type) = await FindLibraryAsync(input.LibraryCode, errors, ct);
        var needsGuardian = CheckAge(fields, type, today, errors);

        if (!errors.IsEmpty || library is null || type is null)
        {
            return Outcome<SignUpResult>.Invalid(errors);
        }

        // Hashed before it is known whether the address is taken, so both answers take as long.
        var account = new MemberAccount { CreatedAt = now, UpdatedAt = now };
        var passwordHash = passwords.Hash(account, fields.Password!);

        if (await ExistingMemberAsync(library, fields.Email!, needsGuardian, ct) is { } existing)
        {
            return Outcome<SignUpResult>.Success(existing);
        }

        var cardNumber = await MembershipRules.CardNumberAsync(db, library.Id, null, errors, ct);
        if (cardNumber is null)
        {
            return Outcome<SignUpResult>.Invalid(errors);
        }

        var (person, membership) = NewMember(fields, library.Id, type.Id, cardNumber, now, today);
        account.PersonId = person.Id;
        account.PasswordHash = passwordHash;
        db.People.Add(person);
        db.MemberAccounts.Add(account);

        var (confirmLink, confirmation) = MemberLinkTokens.Create(person.Id, membership.Id, MemberLinkPurpose.ConfirmEmail, fields.Email!, now);
        db.MemberLinks.Add(confirmLink);
        IssuedLink? approval = null;
        if (needsGuardian && fields.GuardianEmail is { } guardianEmail)
        {
            var (approvalLink, issued) = MemberLinkTokens.Create(person.Id, membership.Id, MemberLinkPurpose.GuardianApproval, guardianEmail, now);
            db.MemberLinks.Add(approvalLink);
            approval = issued;
        }

        if (!await MembershipRules.SaveUnlessCardTakenAsync(db, library.Id, cardNumber, errors, ct))
        {
            return Outcome<SignUpResult>.Invalid(errors);
        }

        return Outcome<SignUpResult>.Success(new SignUpResult(
            SignUpKind.NewMember, person.Id, membership.Id, library.Id, library.Name, person.GivenName, person.FamilyName, fields.BirthYear!.Value,
            fields.Email!, fields.Language, needsGuardian, confirmation, approval));
    }

    private async Task<(Library? Library, MembershipType? Type)> FindLibraryAsync(string? code, ValidationErrors errors, CancellationToken ct)
    {
        var cleaned = InputText.Clean(code);
        var library = cleaned is null ? null : await db.Libraries.AsNoTracking().SingleOrDefaultAsync(l => l.Code == cleaned, ct);
        if (library is null)
        {
            errors.Add(nameof(SignUpInput.LibraryCode), cleaned is null ? "required" : SignUpErrors.LibraryUnknown);
            return (null, null);
        }

        // Pupils join their school library through the school, with the guardian's knowledge.
        if (library.Kind != LibraryKind.Public)
        {
            errors.Add(nameof(SignUpInput.LibraryCode), SignUpErrors.LibrarySchool);
            return (library, null);
        }

        var type = await db.MembershipTypes.AsNoTracking()
            .SingleOrDefaultAsync(t => t.LibraryId == library.Id && t.Code == DefaultMembershipTypes.Codes.Digital && t.Active, ct);
        if (type is null)
        {
            errors.Add(nameof(SignUpInput.LibraryCode), SignUpErrors.LibraryNoDigital);
        }

        return (library, type);
    }

    /// <summary>
    /// Adds the age errors (as soon as the birth year and the library are known, whatever else is
    /// wrong); true when the person may join but a guardian must approve.
    /// </summary>
    private bool CheckAge(CheckedSignUp fields, MembershipType? type, DateOnly today, ValidationErrors errors)
    {
        if (fields.BirthDate is not { } birthDate || type is null)
        {
            return false;
        }

        var age = Ages.YearsBetween(birthDate, today);
        if (type.MinAge is { } minimum && age < minimum)
        {
            errors.Add(nameof(SignUpInput.BirthYear), SignUpErrors.TooYoung);
            return false;
        }

        if (!type.AllowsAge(age))
        {
            errors.Add(nameof(SignUpInput.BirthYear), "type.age");
            return false;
        }

        if (!rules.Status.NeedsGuardianApproval(birthDate, today))
        {
            return false;
        }

        // A badly written address already has its error ("email.invalid").
        if (!fields.GuardianEmailGiven)
        {
            errors.Add(nameof(SignUpInput.GuardianEmail), SignUpErrors.GuardianEmailRequired);
        }
        else if (fields.GuardianEmail is not null && fields.GuardianEmail == fields.Email)
        {
            errors.Add(nameof(SignUpInput.GuardianEmail), SignUpErrors.GuardianEmailSame);
        }

        return true;
    }

    private async Task<SignUpResult?> ExistingMemberAsync(Library library, string email, bool needsGuardian, CancellationToken ct)
    {
        var existing = await db.ContactPoints.AsNoTracking()
            .Where(c => c.Kind == ContactKind.Email && c.Value == email && c.Verified)
            .Where(c => db.Memberships.Any(m => m.PersonId == c.PersonId && m.LibraryId == library.Id))
            .OrderBy(c => c.Id)
            .Join(db.People, c => c.PersonId, p => p.Id, (_, p) => new { p.Id, p.GivenName, p.FamilyName, p.BirthDate, p.PreferredLanguage })
            .FirstOrDefaultAsync(ct);
        return existing is null
            ? null
            : new SignUpResult(
                SignUpKind.AlreadyMember, existing.Id, null, library.Id, library.Name, existing.GivenName, existing.FamilyName,
                existing.BirthDate.Year, email, existing.PreferredLanguage, needsGuardian, null, null);
    }

    private static (Person Person, Membership Membership) NewMember(
        CheckedSignUp fields, int libraryId, int typeId, string cardNumber, DateTimeOffset now, DateOnly today)
    {
        var person = new Person
        {
            Id = Guid.CreateVersion7(now),
            GivenName = fields.GivenName!,
            FamilyName = fields.FamilyName!,
            BirthDate = fields.BirthDate!.Value,
            BirthYearOnly = true,
            PreferredLanguage = fields.Language,
            CreatedAt = now,
            UpdatedAt = now,
        };
        person.ContactPoints.Add(new ContactPoint { PersonId = person.Id, Kind = ContactKind.Email, Value = fields.Email! });
        if (fields.Mobile is not null)
        {
            person.ContactPoints.Add(new ContactPoint { PersonId = person.Id, Kind = ContactKind.Mobile, Value = fields.Mobile });
        }

        // Pending until the address is confirmed (the DIGITAL type needs EmailVerified) and, for a
        // child, until a guardian approves (MembershipStatusRules).
        var membership = new Membership
        {
            Id = Guid.CreateVersion7(now),
            PersonId = person.Id,
            LibraryId = libraryId,
            MembershipTypeId = typeId,
            Pseudonym = Guid.NewGuid(),
            ValidFrom = today,
            Verification = VerificationLevel.None,
            CreatedAt = now,
            UpdatedAt = now,
        };
        membership.Cards.Add(new LibraryCard { LibraryId = libraryId, Number = cardNumber, IssuedOn = today, StatusChangedAt = now });
        person.Memberships.Add(membership);
        return (person, membership);
    }
}
