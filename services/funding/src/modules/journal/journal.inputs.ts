import { Length, Matches } from "class-validator";
import { ArgsType, Field, ID } from "type-graphql";

@ArgsType()
export class ReverseJournalEntryArgs {
  @Field(() => ID, { description: "The entry to cancel." })
  id!: string;

  @Field(() => String, { description: "Why it is cancelled: kept in the reversing entry's memo." })
  @Length(3, 500, { message: "reason must be 3 to 500 characters" })
  @Matches(/\S/, { message: "reason must not be blank" })
  reason!: string;
}
