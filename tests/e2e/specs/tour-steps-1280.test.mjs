// Every step of every built-in tour on a 1280×800 projector (the checks are in ../tour-steps.mjs).
import { projectorSteps } from '../tour-steps.mjs';

projectorSteps(1280, 800);
