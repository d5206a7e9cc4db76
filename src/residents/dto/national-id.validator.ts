import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';
import { checkNationalId, NATIONAL_ID_MESSAGES } from '../national-id';

/** 18 characters, a real birth date, the ISO 7064 MOD 11-2 check character. */
export function IsNationalId(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isNationalId',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (v: unknown) => typeof v === 'string' && checkNationalId(v) === null,
        defaultMessage: (args: ValidationArguments) => {
          const v = args.value as unknown;
          if (typeof v !== 'string') return 'nationalId must be a string';
          const problem = checkNationalId(v);
          return problem ? NATIONAL_ID_MESSAGES[problem] : 'nationalId is invalid';
        },
      },
    });
  };
}
