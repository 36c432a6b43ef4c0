import { Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { TrustedOperationStatus } from "../../generated/prisma/enums.js";

export { TrustedOperationStatus };

registerEnumType(TrustedOperationStatus, {
  name: "TrustedOperationStatus",
  description: "Whether the gateway lets the organisation's partner keys run the operation.",
  valuesConfig: {
    PENDING: { description: "Proposed by a partner admin, awaiting a province admin: not run." },
    APPROVED: { description: "Registered or approved by a province admin: the only status that runs." },
    REJECTED: { description: "Refused by a province admin, with a reason: not run." },
  },
});

@ObjectType({ description: "An operation a partner organisation may run; partners run nothing else." })
export class TrustedOperation {
  @Field(() => ID)
  id!: string;

  organisationId!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, {
    description:
      "SHA-256 of the normalised document (as graphql-js prints it), hex: what a partner sends as the persisted-query hash.",
  })
  sha256!: string;

  @Field(() => String, { description: "The document as it was submitted." })
  document!: string;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => String, { description: "Who registered or proposed it." })
  createdBy!: string;

  @Field(() => TrustedOperationStatus)
  status!: TrustedOperationStatus;

  @Field(() => Date, {
    nullable: true,
    description: "When a province admin approved or rejected the proposal.",
  })
  decidedAt!: Date | null;

  @Field(() => String, { nullable: true })
  decidedBy!: string | null;

  @Field(() => String, { nullable: true, description: "Why the proposal was rejected." })
  rejectionReason!: string | null;
}
