export {
  activityMinutesLoader,
  volunteerActivityCountLoader,
  volunteerActivityPageLoader,
} from "../registration/registration.loader.js";
