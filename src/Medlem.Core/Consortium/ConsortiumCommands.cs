using Medlem.Core.Data;
using Medlem.Core.Members;
using Microsoft.EntityFrameworkCore;

namespace Medlem.Core.Consortium;

/// <summary>
/// An administrator's changes to their own library: its details, branches and membership types.
/// Administrators of a city library may also create a school library under it.
/// </summary>
public sealed class ConsortiumCommands(MedlemDbContext db)
{
    public async Task<Outcome<Library>> UpdateLibraryAsync(int libraryId, LibraryInput input, CancellationToken ct)
    {
        var library = await db.Libraries.SingleOrDefaultAsync(l => l.Id == libraryId, ct);
        if (library is null)
        {
            return Outcome<Library>.Missing();
        }

        var errors = new ValidationErrors();
        var values = ValidateLibrary(input, errors);
        if (values is null)
        {
            return Outcome<Library>.Invalid(errors);
        }

        (library.Name, library.OrganisationNumber, library.Municipality, library.DataProtectionOfficerName, library.DataProtectionOfficerEmail) = values.Value;
        library.SmallCountThreshold = input.SmallCountThreshold;
        await db.SaveChangesAsync(ct);
        return Outcome<Library>.Success(library);
    }

    public async Task<Outcome<Library>> CreateSchoolLibraryAsync(int parentLibraryId, string? code, LibraryInput input, CancellationToken ct)
    {
        var parent = await db.Libraries.SingleOrDefaultAsync(l => l.Id == parentLibraryId && l.Kind == LibraryKind.Public, ct);
        if (parent is null)
        {
            return Outcome<Library>.Invalid("ParentLibraryId", "library.not-public");
        }

        var errors = new ValidationErrors();
        var cleanedCode = InputText.Clean(code)?.ToLowerInvariant();
        CheckCode(errors, "Code", cleanedCode, 32);
        if (cleanedCode is not null && await db.Libraries.AnyAsync(l => l.Code == cleanedCode, ct))
        {
            errors.Add("Code", "code.duplicate");
        }

        var values = ValidateLibrary(input, errors);
        if (values is null || !errors.IsEmpty)
        {
            return Outcome<Library>.Invalid(errors);
        }

        var (name, orgNo, municipality, dpoName, dpoEmail) = values.Value;
        var library = new Library
        {
            Code = cleanedCode!, Name = name, Kind = LibraryKind.School, OrganisationNumber = orgNo, Municipality = municipality,
            ParentLibraryId = parent.Id, DataProtectionOfficerName = dpoName, DataProtectionOfficerEmail = dpoEmail,
            SmallCountThreshold = input.SmallCountThreshold,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Libraries.Add(library);
        await db.SaveChangesAsync(ct);
        db.MembershipTypes.AddRange(DefaultMembershipTypes.For(library.Id));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Outcome<Library>.Success(library);
    }

    public async Task<Outcome<Branch>> SaveBranchAsync(int libraryId, int? branchId, BranchInput input, CancellationToken ct)
    {
        var branch = branchId is null
            ? new Branch { LibraryId = libraryId, Code = "", Name = "" }
            : await db.Branches.SingleOrDefaultAsync(b => b.Id == branchId && b.LibraryId == libraryId, ct);
        if (branch is null)
        {
            return Outcome<Branch>.Missing();
        }

        var errors = new ValidationErrors();
        var code = InputText.Clean(input.Code)?.ToLowerInvariant();
        var name = InputText.Clean(input.Name);
        CheckCode(errors, "Code", code, 32);
        InputText.Check(errors, "Name", name, 200, required: true);
        if (code is not null && await db.Branches.AnyAsync(b => b.LibraryId == libraryId && b.Code == code && b.Id != branch.Id, ct))
        {
            errors.Add("Code", "code.duplicate");
        }

        if (!errors.IsEmpty)
        {
            return Outcome<Branch>.Invalid(errors);
        }

        branch.Code = code!;
        branch.Name = name!;
        branch.IsMain = input.IsMain;
        if (branchId is null)
        {
            db.Branches.Add(branch);
        }

        await db.SaveChangesAsync(ct);
        return Outcome<Branch>.Success(branch);
    }

    public async Task<Outcome<MembershipType>> SaveMembershipTypeAsync(int libraryId, int? typeId, MembershipTypeInput input, CancellationToken ct)
    {
        var type = typeId is null
            ? new MembershipType { LibraryId = libraryId, Code = "", NameNb = "", NameEn = "" }
            : await db.MembershipTypes.SingleOrDefaultAsync(t => t.Id == typeId && t.LibraryId == libraryId, ct);
        if (type is null)
        {
            return Outcome<MembershipType>.Missing();
        }

        var errors = new ValidationErrors();
        var code = InputText.Clean(input.Code)?.ToUpperInvariant();
        var nameNb = InputText.Clean(input.NameNb);
        var nameEn = InputText.Clean(input.NameEn);
        CheckCode(errors, nameof(input.Code), code, 16);
        InputText.Check(errors, nameof(input.NameNb), nameNb, 100, required: true);
        InputText.Check(errors, nameof(input.NameEn), nameEn, 100, required: true);
        if (input.MinAge is < 0 or > 130)
        {
            errors.Add(nameof(input.MinAge), "age.range");
        }

        if (input.MaxAge is < 0 or > 130 || (input.MinAge is { } min && input.MaxAge is { } max && max < min))
        {
            errors.Add(nameof(input.MaxAge), "age.range");
        }

        if (!Enum.IsDefined(input.RequiredVerification))
        {
            errors.Add(nameof(input.RequiredVerification), "verification.unknown");
        }

        if (code is not null && await db.MembershipTypes.AnyAsync(t => t.LibraryId == libraryId && t.Code == code && t.Id != type.Id, ct))
        {
            errors.Add(nameof(input.Code), "code.duplicate");
        }

        if (!errors.IsEmpty)
        {
            return Outcome<MembershipType>.Invalid(errors);
        }

        type.Code = code!;
        type.NameNb = nameNb!;
        type.NameEn = nameEn!;
        type.MinAge = input.MinAge;
        type.MaxAge = input.MaxAge;
        type.RequiredVerification = input.RequiredVerification;
        type.Benefits = input.Benefits & (MembershipBenefits)0xFF;
        type.ForInstitutions = input.ForInstitutions;
        type.Active = input.Active;
        if (typeId is null)
        {
            db.MembershipTypes.Add(type);
        }

        await db.SaveChangesAsync(ct);
        return Outcome<MembershipType>.Success(type);
    }

    private static (string Name, string OrgNo, string Municipality, string DpoName, string DpoEmail)? ValidateLibrary(LibraryInput input, ValidationErrors errors)
    {
        var name = InputText.Clean(input.Name);
        var orgNo = InputText.Clean(input.OrganisationNumber)?.Replace(" ", "", StringComparison.Ordinal);
        var municipality = InputText.Clean(input.Municipality);
        var dpoName = InputText.Clean(input.DataProtectionOfficerName);
        var dpoEmail = ContactValues.NormaliseEmail(input.DataProtectionOfficerEmail);
        InputText.Check(errors, nameof(input.Name), name, 200, required: true);
        InputText.Check(errors, nameof(input.Municipality), municipality, 100, required: true);
        InputText.CheckName(errors, nameof(input.DataProtectionOfficerName), dpoName, 200);
        if (orgNo is null || !OrganisationNumber.IsValid(orgNo))
        {
            errors.Add(nameof(input.OrganisationNumber), "orgno.invalid");
        }

        if (dpoEmail is null)
        {
            errors.Add(nameof(input.DataProtectionOfficerEmail), "email.invalid");
        }

        if (input.SmallCountThreshold is < 2 or > 100)
        {
            errors.Add(nameof(input.SmallCountThreshold), "threshold.range");
        }

        return errors.IsEmpty ? (name!, orgNo!, municipality!, dpoName!, dpoEmail!) : null;
    }

    private static void CheckCode(ValidationErrors errors, string field, string? code, int maxLength)
    {
        InputText.Check(errors, field, code, maxLength, required: true);
        if (code is not null && !code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            errors.Add(field, "code.characters");
        }
    }
}
