using Medlem.Core.Consortium;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Medlem.Core.Members;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> person)
    {
        person.Property(p => p.GivenName).HasMaxLength(MemberInput.MaxNameLength);
        person.Property(p => p.FamilyName).HasMaxLength(MemberInput.MaxNameLength);
        // Ciphertext of an 11-digit number: Data Protection output is a few hundred characters.
        person.Property(p => p.NationalIdentityNumber).HasMaxLength(1000);
        person.Property(p => p.PreferredLanguage).HasConversion<string>().HasMaxLength(2);
        person.OwnsOne(p => p.Address, address =>
        {
            address.Property(a => a.Street).HasMaxLength(200);
            address.Property(a => a.PostalCode).HasMaxLength(16);
            address.Property(a => a.City).HasMaxLength(100);
            address.Property(a => a.Country).HasMaxLength(2);
        });
        person.HasMany(p => p.ContactPoints).WithOne().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Cascade);
        person.HasMany(p => p.Guardians).WithOne().HasForeignKey(g => g.ChildId).OnDelete(DeleteBehavior.Cascade);
        person.HasMany(p => p.Memberships).WithOne(m => m.Person).HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Cascade);
        person.Property(p => p.SearchName).HasMaxLength((2 * MemberInput.MaxNameLength) + 1);
        person.HasIndex(p => p.SearchName);
    }
}

internal sealed class ContactPointConfiguration : IEntityTypeConfiguration<ContactPoint>
{
    public void Configure(EntityTypeBuilder<ContactPoint> contact)
    {
        contact.Property(c => c.Value).HasMaxLength(254);
        contact.HasIndex(c => c.Value);
    }
}

internal sealed class GuardianshipConfiguration : IEntityTypeConfiguration<Guardianship>
{
    public void Configure(EntityTypeBuilder<Guardianship> guardianship)
    {
        guardianship.HasIndex(g => new { g.ChildId, g.GuardianId }).IsUnique();
        guardianship.HasIndex(g => g.GuardianId);
        guardianship.HasOne(g => g.Guardian).WithMany().HasForeignKey(g => g.GuardianId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> membership)
    {
        membership.HasIndex(m => new { m.LibraryId, m.PersonId });
        membership.HasIndex(m => m.Pseudonym).IsUnique();
        membership.Property(m => m.BlockReason).HasMaxLength(500);
        membership.HasOne<Library>().WithMany().HasForeignKey(m => m.LibraryId).OnDelete(DeleteBehavior.Restrict);
        membership.HasOne<Branch>().WithMany().HasForeignKey(m => m.HomeBranchId).OnDelete(DeleteBehavior.SetNull);
        membership.HasOne(m => m.MembershipType).WithMany().HasForeignKey(m => m.MembershipTypeId).OnDelete(DeleteBehavior.Restrict);
        membership.HasOne<Person>().WithMany().HasForeignKey(m => m.ApprovedByGuardianId).OnDelete(DeleteBehavior.SetNull);
        membership.HasMany(m => m.Cards).WithOne().HasForeignKey(c => c.MembershipId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LibraryCardConfiguration : IEntityTypeConfiguration<LibraryCard>
{
    public void Configure(EntityTypeBuilder<LibraryCard> card)
    {
        card.HasIndex(c => new { c.LibraryId, c.Number }).IsUnique();
        card.Property(c => c.Number).HasMaxLength(32);
        card.HasOne<Library>().WithMany().HasForeignKey(c => c.LibraryId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MembershipTypeConfiguration : IEntityTypeConfiguration<MembershipType>
{
    public void Configure(EntityTypeBuilder<MembershipType> type)
    {
        type.HasIndex(t => new { t.LibraryId, t.Code }).IsUnique();
        type.Property(t => t.Code).HasMaxLength(16);
        type.Property(t => t.NameNb).HasMaxLength(100);
        type.Property(t => t.NameEn).HasMaxLength(100);
        type.HasOne<Library>().WithMany().HasForeignKey(t => t.LibraryId).OnDelete(DeleteBehavior.Restrict);
    }
}
