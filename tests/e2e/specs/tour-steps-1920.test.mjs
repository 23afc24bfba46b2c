// Every step of every built-in tour on a 1920×1080 projector (the checks are in ../tour-steps.mjs).
import { projectorSteps } from '../tour-steps.mjs';

projectorSteps(1920, 1080);
